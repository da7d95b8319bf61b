import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { NotFoundError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { getProvinceProfile } from "@/lib/profiles/queries";
import { compareCodesSchema } from "@/lib/profiles/schema";
import type { ProvinceProfile } from "@/lib/profiles/types";
import { rankLabel } from "@/lib/results/ranking-view";
import { isValidOn } from "@/lib/units/lineage";
import { provinceDirectory } from "@/lib/units/queries";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.compare"))("title") };
}

const SLOTS = 4;

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ tinh?: string | string[] }> }) {
  const [search, t, format, directory] = await Promise.all([searchParams, getTranslations("public.compare"), getFormat(), provinceDirectory()]);
  const today = new Date();
  const choices = directory.filter((unit) => isValidOn(unit, today));
  const asked = search.tinh !== undefined;
  const parsed = compareCodesSchema.safeParse(search.tinh);
  const codes = parsed.success ? parsed.data : [];

  let profiles: ProvinceProfile[] = [];
  let problem: string | null = asked && !parsed.success ? parsed.error.issues[0].message : null;
  if (parsed.success) {
    try {
      profiles = await Promise.all(codes.map((code) => getProvinceProfile(code, null, { indexCode: null, target: null })));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      problem = error.message;
    }
  }
  const selected = [...codes, ...Array(SLOTS).fill("")].slice(0, SLOTS);

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")}>
        <p className="text-slate-600">{t("lead")}</p>
      </PageHeader>
      <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label={t("choose")} data-testid="compare-form">
        {selected.map((code, i) => (
          <FilterField key={i} label={t("slot", { n: i + 1 })}>
            <select name="tinh" defaultValue={code} className={filterInputClass}>
              <option value="">{t("none")}</option>
              {choices.map((unit) => (
                <option key={unit.id} value={unit.code}>
                  {unit.nameVi} ({unit.code})
                </option>
              ))}
            </select>
          </FilterField>
        ))}
        <Button type="submit">{t("submit")}</Button>
      </form>
      {problem ? (
        <Callout tone="error" data-testid="compare-error">
          {problem}
        </Callout>
      ) : null}
      {profiles.length > 0 ? (
        <>
          <p className="text-sm text-slate-600">
            {t("share")}{" "}
            <Link href={`/so-sanh?tinh=${codes.join(",")}`} className="font-mono text-brand-700 underline">
              /so-sanh?tinh={codes.join(",")}
            </Link>
          </p>
          {profiles[0].indices.map((index, position) => {
            const years = [...new Set(profiles.flatMap((profile) => profile.indices[position].rows.map((row) => row.year)))].sort((a, b) => b - a);
            return (
              <Card
                as="section"
                key={index.code}
                padding="md"
                className="space-y-2"
                aria-labelledby={`so-sanh-${index.code}`}
                data-testid={`compare-${index.code}`}
              >
                <h2 id={`so-sanh-${index.code}`} className="text-xl font-semibold text-brand-900">
                  {index.shortName} <span className="text-base font-normal text-slate-600">· {index.nameVi}</span>
                </h2>
                {years.length === 0 ? (
                  <p className="text-sm text-slate-600">{t("noResults", { index: index.shortName })}</p>
                ) : (
                  <div className="overflow-x-auto">
                    <table className="w-full min-w-[36rem] text-left text-sm">
                      <caption className="sr-only">{t("caption", { index: index.shortName })}</caption>
                      <thead>
                        <tr className="border-b border-slate-200">
                          <th scope="col" className="py-1 pr-3 font-medium text-slate-600">
                            {t("year")}
                          </th>
                          {profiles.map((profile) => (
                            <th key={profile.unit.id} scope="col" className="py-1 pr-3 font-semibold">
                              <Link href={profile.unit.path} className="link">
                                {profile.unit.name}
                              </Link>
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {years.map((year) => (
                          <tr key={year} className="border-b border-slate-100 align-top">
                            <th scope="row" className="py-1.5 pr-3 font-medium">
                              {year}
                            </th>
                            {profiles.map((profile) => {
                              const rows = profile.indices[position].rows.filter((row) => row.year === year);
                              return (
                                <td key={profile.unit.id} className="py-1.5 pr-3">
                                  {rows.length === 0 ? (
                                    <span className="text-slate-500">—</span>
                                  ) : (
                                    rows.map((row) => (
                                      <div key={row.id} className="mb-1">
                                        {row.unit.id !== profile.unit.id ? <span className="block text-xs text-slate-600">{row.unit.label}</span> : null}
                                        <span className="font-semibold tabular-nums">{format.score(row.score)}</span>{" "}
                                        <span className="text-slate-600">{t("rank", { rank: rankLabel(row, row.unitCount), count: row.unitCount })}</span>
                                        {row.group ? <span className="text-slate-600"> · {t("group", { group: row.group })}</span> : null}
                                        {row.components.length > 0 ? (
                                          <ul className="text-xs text-slate-600">
                                            {row.components.map((component) => (
                                              <li key={component.code}>
                                                {component.nameVi}: <span className="tabular-nums">{format.points(component.value)}</span>
                                              </li>
                                            ))}
                                          </ul>
                                        ) : null}
                                      </div>
                                    ))
                                  )}
                                </td>
                              );
                            })}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </Card>
            );
          })}
          <p className="text-xs text-slate-600">{t("note")}</p>
        </>
      ) : null}
    </div>
  );
}
