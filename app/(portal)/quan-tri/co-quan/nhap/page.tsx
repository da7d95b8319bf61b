import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { importAgenciesAction } from "@/lib/agencies/actions";
import { accountFormOptions } from "@/lib/accounts/queries";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { ImportPage } from "@/components/admin/import-page";
import { Callout } from "@/components/ui/callout";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.import"))("agenciesTitle") };
}

export default async function AgencyImportPage({ searchParams }: { searchParams: Promise<{ province?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const { province } = await searchParams;
  let options: Awaited<ReturnType<typeof accountFormOptions>>;
  try {
    // The provinces an administrator may choose, or the officer's own (lib checks the import again).
    options = await accountFormOptions(actor, province);
  } catch (error) {
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  return (
    <ImportPage
      kind="agencies"
      back="/quan-tri/co-quan"
      provinces={options.provinces}
      chosen={options.fixedProvince}
      maxBytes={MAX_IMPORT_BYTES}
      action={importAgenciesAction}
    />
  );
}
