import { importMetadata, importRoute } from "@/components/admin/import-page";
import { importAccountsAction } from "@/lib/accounts/actions";

export const generateMetadata = () => importMetadata("users");

export default async function AccountImportPage({ searchParams }: { searchParams: Promise<{ province?: string }> }) {
  return importRoute({ kind: "users", back: "/quan-tri/tai-khoan", action: importAccountsAction }, searchParams);
}
