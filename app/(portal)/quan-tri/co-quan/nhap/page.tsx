import { importMetadata, importRoute } from "@/components/admin/import-page";
import { importAgenciesAction } from "@/lib/agencies/actions";

export const generateMetadata = () => importMetadata("agencies");

export default async function AgencyImportPage({ searchParams }: { searchParams: Promise<{ province?: string }> }) {
  return importRoute({ kind: "agencies", back: "/quan-tri/co-quan", action: importAgenciesAction }, searchParams);
}
