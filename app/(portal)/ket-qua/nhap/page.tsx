import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { getResultEntry } from "@/lib/results/queries";
import { currentYearInVietnam } from "@/lib/time";
import { indexCodeSchema, yearSchema } from "@/lib/results/schema";
import { ResultForm } from "@/components/forms/result-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.entry"))("title") };
}

type Search = { id?: string; index?: string; year?: string };

export default async function ResultEntryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [params, actor, t] = await Promise.all([searchParams, currentActor(), getTranslations("results.entry")]);
  let entry: Awaited<ReturnType<typeof getResultEntry>>;
  try {
    if (params.id !== undefined) {
      if (!/^\d+$/.test(params.id)) return <ErrorBox message={t("badLink")} />;
      entry = await getResultEntry(actor, { id: Number(params.id) });
    } else {
      const index = indexCodeSchema.safeParse(params.index ?? "PAR_INDEX");
      if (!index.success) return <ErrorBox message={index.error.issues[0].message} />;
      const year = yearSchema.safeParse(params.year ?? String(currentYearInVietnam() - 1));
      if (!year.success) return <ErrorBox message={year.error.issues[0].message} />;
      entry = await getResultEntry(actor, { indexCode: index.data, year: year.data });
    }
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403) return <ErrorBox message={t("forbidden")} />;
    if (status === 400 || status === 404) return <ErrorBox message={(error as Error).message} />;
    throw error;
  }

  const editing = entry.result !== null;
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/ket-qua", label: t("back") }}
        title={t(editing ? "headingEdit" : "headingNew", { index: entry.index.shortName, year: entry.year })}
        lead={t("lead", { index: entry.index.nameVi })}
      />

      {!editing ? (
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("choose")}>
          <FilterField label={t("index")}>
            <select name="index" defaultValue={entry.index.code} className={filterInputClass}>
              {entry.indices.map((index) => (
                <option key={index.code} value={index.code}>
                  {index.shortName}
                </option>
              ))}
            </select>
          </FilterField>
          <FilterField label={t("year")}>
            <input name="year" type="number" min={2000} max={entry.currentYear} defaultValue={entry.year} className={`w-28 ${filterInputClass}`} />
          </FilterField>
          <Button type="submit" variant="secondary" className="font-semibold">
            {t("change")}
          </Button>
        </form>
      ) : null}

      {entry.year > entry.currentYear ? (
        <ErrorBox message={t("future", { year: entry.year })} />
      ) : entry.units.length === 0 ? (
        <ErrorBox message={t("noUnit", { year: entry.year })} />
      ) : (
        <>
          {!entry.framework ? (
            <Callout tone="warn" className="text-sm">
              {t("noFramework", { index: entry.index.shortName, year: entry.year })}
            </Callout>
          ) : null}
          <ClientMessages namespaces={["results.form"]}>
            <ResultForm key={`${entry.index.code}-${entry.year}-${entry.result?.id ?? "new"}-${entry.result?.version ?? ""}`} entry={entry} />
          </ClientMessages>
        </>
      )}
    </div>
  );
}

async function ErrorBox({ message }: { message: string }) {
  const t = await getTranslations("results.entry");
  return (
    <Callout tone="error">
      {message}{" "}
      <Link href="/ket-qua" className="font-semibold underline">
        {t("toList")}
      </Link>
    </Callout>
  );
}
