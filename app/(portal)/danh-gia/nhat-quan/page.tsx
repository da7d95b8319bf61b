import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { consistency } from "@/lib/assessments/consistency/queries";
import type { OverReporting } from "@/lib/assessments/consistency/types";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { EMPTY } from "@/lib/i18n/format";
import { getFormat } from "@/lib/i18n/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("consistency"))("title") };
}

const VERDICT_TONE: Record<OverReporting, BadgeTone> = { systematic: "bad", watch: "warn", none: "muted" };

/** Consistency analytics (issue 17, item 6): self-scores against the appraisal, Home Affairs only. */
export default async function ConsistencyPage({ searchParams }: { searchParams: Promise<{ nam?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const raw = (await searchParams).nam;
  const report = await consistency(actor, raw ? idParam(raw) : null).catch((error) => {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("consistency"), getFormat()]);
  const points = (value: number | null | undefined) => (value === null || value === undefined ? EMPTY : format.signedPoints(value));
  const rate = (part: number, whole: number) => (whole === 0 ? EMPTY : t("rate", { value: format.score((part / whole) * 100) }));
  const oldestFirst = [...report.years].reverse();
  const reviewed = report.criteria.filter((c) => c.reviewed > 0);
  const ex = report.explanations;
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/danh-gia", label: t("back") }} title={t("heading")} lead={t("lead")} />
      {report.year === null ? (
        <Callout tone="neutral">{t("none")}</Callout>
      ) : (
        <>
          <Callout size="sm">{t("basis")}</Callout>
          <nav aria-label={t("yearsNav")} className="flex flex-wrap items-center gap-2 text-sm" data-testid="consistency-years">
            <span className="text-slate-600">{t("year")}:</span>
            {report.years.map((y) =>
              y === report.year ? (
                <Badge key={y} tone="brand" aria-current="page">
                  {y}
                </Badge>
              ) : (
                <Link key={y} href={`/danh-gia/nhat-quan?nam=${y}`} className="link">
                  {y}
                </Link>
              ),
            )}
          </nav>

          <section className="space-y-2">
            <SectionHeading>{t("byAgency", { year: report.year })}</SectionHeading>
            <p className="text-sm text-slate-600" data-testid="consistency-rule">
              {t("rule", { lastYears: report.rule.lastYears, minYears: report.rule.minYears, threshold: format.points(report.rule.threshold) })}
            </p>
            <DataTable data-testid="consistency-agencies">
              <THead>
                <Th>{t("agency")}</Th>
                <Th numeric>{t("self")}</Th>
                <Th numeric>{t("round1")}</Th>
                <Th numeric>{t("gapRound1")}</Th>
                <Th numeric>{t("final")}</Th>
                <Th numeric>{t("gapFinal")}</Th>
                <Th>{t("verdict")}</Th>
              </THead>
              <TBody>
                {report.agencies.map((a) => (
                  <tr key={a.agencyId} data-agency={a.agencyCode}>
                    <Td className="font-medium">{a.agencyName}</Td>
                    <Td numeric>{format.score(a.final?.self)}</Td>
                    <Td numeric>{format.score(a.round1?.appraised)}</Td>
                    <Td numeric data-cell="gap-round1">
                      {points(a.round1?.gap)}
                    </Td>
                    <Td numeric>{format.score(a.final?.appraised)}</Td>
                    <Td numeric data-cell="gap-final">
                      {points(a.final?.gap)}
                    </Td>
                    <Td>
                      <Badge tone={VERDICT_TONE[a.verdict]} data-verdict={a.verdict}>
                        {t(`verdicts.${a.verdict}`)}
                      </Badge>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </DataTable>
          </section>

          <section className="space-y-2">
            <SectionHeading>{t("overYears")}</SectionHeading>
            <DataTable data-testid="consistency-years-table">
              <THead>
                <Th>{t("agency")}</Th>
                {oldestFirst.map((y) => (
                  <Th key={y} numeric>
                    {y}
                  </Th>
                ))}
              </THead>
              <TBody>
                {report.agencies.map((a) => (
                  <tr key={a.agencyId} data-agency={a.agencyCode}>
                    <Td className="font-medium">{a.agencyName}</Td>
                    {oldestFirst.map((y) => (
                      <Td key={y} numeric data-year={y}>
                        {points(a.years.find((g) => g.year === y)?.gap)}
                      </Td>
                    ))}
                  </tr>
                ))}
              </TBody>
            </DataTable>
          </section>

          <section className="space-y-2">
            <SectionHeading>{t("explanations")}</SectionHeading>
            <p className="text-sm text-slate-600">{t("explanationsLead")}</p>
            <dl className="grid gap-3 sm:grid-cols-3" data-testid="consistency-explanations">
              <div className="rounded-lg border border-slate-200 bg-white p-3">
                <dt className="text-sm text-slate-600">{t("decided")}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-cell="decided">
                  {format.integer(ex.decided)}
                </dd>
              </div>
              <div className="rounded-lg border border-slate-200 bg-white p-3">
                <dt className="text-sm text-slate-600">{t("accepted")}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-cell="accepted">
                  {format.integer(ex.accepted)} · {rate(ex.accepted, ex.decided)}
                </dd>
              </div>
              <div className="rounded-lg border border-slate-200 bg-white p-3">
                <dt className="text-sm text-slate-600">{t("fullyAccepted")}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-cell="fully">
                  {format.integer(ex.fullyAccepted)} · {rate(ex.fullyAccepted, ex.decided)}
                </dd>
              </div>
            </dl>
          </section>

          <section className="space-y-2">
            <SectionHeading>{t("byCriterion", { year: report.year })}</SectionHeading>
            <p className="text-sm text-slate-600">{t("reversalsLead")}</p>
            {reviewed.length === 0 ? (
              <Callout tone="neutral" size="sm">
                {t("noReviews")}
              </Callout>
            ) : null}
            <DataTable data-testid="consistency-criteria">
              <THead>
                <Th>{t("criterion")}</Th>
                <Th numeric>{t("agencies")}</Th>
                <Th numeric>{t("meanGapRound1")}</Th>
                <Th numeric>{t("meanGapFinal")}</Th>
                <Th numeric>{t("reversals")}</Th>
              </THead>
              <TBody>
                {report.criteria.map((c) => (
                  <tr key={c.criterionId} data-criterion={c.criterionCode}>
                    <Td>
                      <span className="font-medium tabular-nums">{c.criterionCode}</span> {c.criterionName}
                    </Td>
                    <Td numeric>{format.integer(c.agencies)}</Td>
                    <Td numeric>{points(c.meanRound1Gap)}</Td>
                    <Td numeric data-cell="mean-gap-final">
                      {points(c.meanFinalGap)}
                    </Td>
                    <Td numeric data-cell="reversals">
                      {t("reversedOf", { reversed: format.integer(c.reversed), reviewed: format.integer(c.reviewed) })}
                    </Td>
                  </tr>
                ))}
              </TBody>
            </DataTable>
          </section>
        </>
      )}
    </div>
  );
}
