import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { getProvinceResults } from "@/lib/results/queries";
import { ProvinceResultsTable } from "@/components/tables/province-results-table";
import { Button, ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.list"))("title") };
}

export default async function ResultsPage({ searchParams }: { searchParams: Promise<{ tinh?: string }> }) {
  const { tinh } = await searchParams;
  const requested = tinh && /^\d+$/.test(tinh) ? Number(tinh) : null;
  const [actor, t] = await Promise.all([currentActor(), getTranslations("results.list")]);
  let view: Awaited<ReturnType<typeof getProvinceResults>>;
  try {
    view = await getProvinceResults(actor, requested);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404) {
      return (
        <Callout tone="error">
          {status === 403 ? t("forbidden") : (error as Error).message}{" "}
          <Link href="/xep-hang" className="font-semibold underline">
            {t("toRanking")}
          </Link>
        </Callout>
      );
    }
    throw error;
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        actions={
          <div className="no-print flex flex-wrap gap-2 text-sm">
            <ButtonLink href="/ket-qua/nhap">{t("enter")}</ButtonLink>
            <ButtonLink href="/ket-qua/nhap-khau" variant="secondary" className="font-semibold">
              {t("import")}
            </ButtonLink>
          </div>
        }
      >
        <p className="text-slate-600">
          {view.province
            ? t.rich("leadOf", { province: view.province.label, strong: (chunks) => <strong data-testid="province">{chunks}</strong> })
            : t("lead")}
        </p>
        {view.province && view.province.history.length > 0 ? (
          <p className="mt-1 text-sm text-slate-500">{t("history", { units: view.province.history.join("; ") })}</p>
        ) : null}
      </PageHeader>

      {view.choices.length > 0 ? (
        <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label={t("choose")}>
          <FilterField label={t("province")}>
            <select name="tinh" defaultValue={view.province ? String(view.province.id) : ""} className={filterInputClass}>
              <option value="" disabled>
                {t("chooseOption")}
              </option>
              {view.choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.label}
                </option>
              ))}
            </select>
          </FilterField>
          <Button type="submit">{t("view")}</Button>
        </form>
      ) : null}

      {!view.province ? (
        <Callout tone="neutral">{t("chooseProvince")}</Callout>
      ) : (
        view.indices.map((index) => (
          <section key={index.code} className="space-y-2" aria-labelledby={`index-${index.code}`}>
            <h2 id={`index-${index.code}`} className="text-lg font-semibold">
              {index.shortName}
            </h2>
            {index.rows.length === 0 ? (
              <Callout tone="neutral" className="text-sm text-slate-600">
                {t("none", { index: index.shortName })}
              </Callout>
            ) : (
              <ProvinceResultsTable rows={index.rows} />
            )}
          </section>
        ))
      )}
      <p className="text-xs text-slate-500">{t("rankNote")}</p>
    </div>
  );
}
