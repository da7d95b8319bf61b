import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { getNowcast } from "@/lib/dashboards/nowcast/queries";
import { ForbiddenError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { IllustrativeBadge, StatusBadge } from "@/components/assessments/badges";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nowcast.page"))("title") };
}

/** The PAR INDEX nowcast (issue 17, item 7): an estimate, for the leaders and Home Affairs of the province. */
export default async function NowcastPage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const nowcast = await getNowcast(actor).catch((error) => {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("nowcast.page"), getFormat()]);
  const self = nowcast.selfAssessment;
  const estimate = (
    <Badge tone="warn" title={t("estimateTooltip")} data-testid="estimate-badge">
      {t("estimate")}
    </Badge>
  );
  const appraisal = nowcast.components.find((c) => c.source.kind === "self");
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/bang-dieu-khien", label: t("back") }}
        title={self ? t("heading", { year: self.year, province: nowcast.provinceName }) : t("headingNone", { province: nowcast.provinceName })}
        titleTestId="nowcast-title"
      />
      <Callout tone="warn" data-testid="nowcast-not-official">
        {estimate} {t("notOfficial")}
      </Callout>
      {!self ? (
        <Callout tone="neutral" data-testid="nowcast-no-self">
          {t("noSelf")}
        </Callout>
      ) : (
        <>
          <Card padding="md" data-testid="nowcast-self">
            <h2 className="font-semibold">
              {t("selfAssessment")} <StatusBadge status={self.status} />
              {self.illustrative ? <IllustrativeBadge /> : null}
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {t("selfLine", { year: self.year, framework: self.frameworkName, scored: self.scored, total: self.toScore })}{" "}
              <Link href={`/danh-gia/phieu/${self.assessmentId}`} className="link">
                {t("openSheet")}
              </Link>
            </p>
          </Card>
          {!nowcast.appraisalComponentFound ? (
            <Callout tone="warn">{t("noAppraisalComponent", { year: self.year })}</Callout>
          ) : (
            <>
              <section aria-labelledby="nowcast-components" className="space-y-3">
                <SectionHeading id="nowcast-components">{t("components")}</SectionHeading>
                <DataTable data-testid="nowcast-components" stacked>
                  <THead>
                    <Th>{t("component")}</Th>
                    <Th numeric>{t("max")}</Th>
                    <Th numeric>
                      <span title={t("estimateTooltip")}>{t("value")}</span>
                    </Th>
                    <Th>{t("source")}</Th>
                  </THead>
                  <TBody>
                    {nowcast.components.map((c) => (
                      <tr key={c.code} data-code={c.code}>
                        <Td label={t("component")}>{c.nameVi}</Td>
                        <Td numeric label={t("max")}>
                          {format.points(c.maxPoints)}
                        </Td>
                        <Td numeric label={t("value")} data-cell="value">
                          {c.value === null ? t("notPublished") : <span title={t("estimateTooltip")}>{format.points(c.value)}</span>}
                        </Td>
                        <Td label={t("source")}>
                          {c.source.kind === "self"
                            ? t("sourceSelf", { year: c.source.year })
                            : c.source.kind === "published"
                              ? t("sourcePublished", { year: c.source.year })
                              : t("notPublished")}
                        </Td>
                      </tr>
                    ))}
                  </TBody>
                </DataTable>
              </section>
              <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
                <Card padding="md" data-testid="nowcast-expected">
                  <h2 className="font-semibold">
                    {t("expected")} {estimate}
                  </h2>
                  {nowcast.expected === null ? (
                    <p className="mt-1 text-sm text-slate-700">
                      {t("expectedNone", {
                        components: nowcast.components
                          .filter((c) => nowcast.missing.includes(c.code))
                          .map((c) => c.nameVi)
                          .join(", "),
                      })}
                    </p>
                  ) : (
                    <p className="mt-1 text-2xl font-bold" title={t("estimateTooltip")} data-cell="expected">
                      {format.points(nowcast.expected)}
                    </p>
                  )}
                </Card>
                <Card padding="md" data-testid="nowcast-gap">
                  <h2 className="font-semibold">{t("gap")}</h2>
                  <p className="mt-1 text-sm text-slate-700">
                    {nowcast.gap
                      ? t("gapLine", {
                          year: nowcast.gap.year,
                          self: format.points(nowcast.gap.self),
                          appraised: format.points(nowcast.gap.appraised),
                          gap: format.signedPoints(nowcast.gap.gap),
                        })
                      : t("gapNone", { component: appraisal?.nameVi ?? "" })}
                  </p>
                </Card>
                <Card padding="md" data-testid="nowcast-band">
                  <h2 className="font-semibold">
                    {t("band")} {estimate}
                  </h2>
                  {nowcast.range ? (
                    <p className="mt-1 text-sm text-slate-700" title={t("estimateTooltip")} data-cell="range">
                      {nowcast.range.low === nowcast.range.high
                        ? t("rangeOne", { value: format.points(nowcast.range.high) })
                        : t("rangeLine", { low: format.points(nowcast.range.low), high: format.points(nowcast.range.high) })}
                    </p>
                  ) : null}
                  <p className="mt-1 text-lg font-semibold" title={t("estimateTooltip")} data-cell="band">
                    {nowcast.band && nowcast.distribution
                      ? nowcast.band.best === nowcast.band.worst
                        ? t("bandOne", { best: nowcast.band.best, count: nowcast.distribution.unitCount })
                        : t("bandLine", { best: nowcast.band.best, worst: nowcast.band.worst, count: nowcast.distribution.unitCount })
                      : t("bandNone")}
                  </p>
                  <p className="mt-1 text-sm text-slate-600" data-cell="distribution">
                    {nowcast.distribution
                      ? t("distributionLine", {
                          year: nowcast.distribution.year,
                          published: nowcast.distribution.published,
                          count: nowcast.distribution.unitCount,
                        })
                      : t("distributionNone")}
                  </p>
                </Card>
              </div>
            </>
          )}
        </>
      )}
      <section aria-labelledby="nowcast-rule" className="space-y-2">
        <SectionHeading id="nowcast-rule">{t("ruleHeading")}</SectionHeading>
        <p className="text-sm text-slate-700" data-testid="nowcast-rule">
          {t("rule")}
        </p>
      </section>
    </div>
  );
}
