import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { LEVELS } from "@/lib/frameworks/labels";
import { getFramework } from "@/lib/frameworks/queries";
import { frameworkIdSchema } from "@/lib/frameworks/schema";
import { getFormat } from "@/lib/i18n/server";
import { FrameworkBadges } from "@/components/frameworks/badges";
import { CriteriaTree } from "@/components/frameworks/criteria-tree";
import { FrameworkMetaForm, type FrameworkMetaView } from "@/components/frameworks/framework-meta-form";
import { ComponentsForm, GradeBandsForm, ImportTreeForm } from "@/components/frameworks/table-forms";
import type { FrameworkDetail } from "@/lib/frameworks/types";
import { useYears, Years } from "@/components/frameworks/years";
import { ClientMessages } from "@/components/i18n/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("frameworks.list"))("title") };
}

type Params = { id: string };
type Search = { "tu-phien-ban"?: string };

const DETAILS_SUMMARY = "cursor-pointer text-sm font-semibold text-brand-700 hover:underline";
const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

export default async function FrameworkPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const [{ id }, search, t, tc, format] = await Promise.all([params, searchParams, getTranslations("frameworks"), getTranslations("common"), getFormat()]);
  const parsed = frameworkIdSchema.safeParse(id);
  if (!parsed.success) return <ErrorBox message={t("detail.badId")} />;
  let f: FrameworkDetail;
  try {
    f = await getFramework(await currentActor(), parsed.data);
  } catch (error) {
    if (error instanceof ForbiddenError) return <ErrorBox message={t("detail.otherProvince")} />;
    if (error instanceof NotFoundError) return <ErrorBox message={error.message} />;
    throw error;
  }
  const fromVersion = f.previousVersion && search["tu-phien-ban"] === String(f.previousVersion.id) ? f.previousVersion : null;
  const counts = LEVELS.map((level) => ({ level, count: f.criteria.filter((c) => c.level === level).length })).filter((c) => c.count > 0);
  const target = { frameworkId: f.id, revision: f.revision };

  return (
    <div className="space-y-6">
      <Link href="/bo-chi-so" className="text-sm link">
        {t("detail.back")}
      </Link>
      <header className="space-y-2">
        <p className="text-sm text-slate-600">
          {f.ownerProvinceName
            ? t("detail.scopeProvince", { index: f.index.shortName, version: f.version, province: f.ownerProvinceName })
            : t("detail.scopeNational", { index: f.index.shortName, version: f.version })}
        </p>
        <h1 className="text-2xl font-bold text-brand-900">{f.name}</h1>
        <FrameworkBadges status={f.status} isIllustrative={f.isIllustrative} isDemo={f.isDemo} inUse={f.inUse} />
      </header>

      {fromVersion ? (
        <Callout tone="info" role="status" data-testid="new-version-note" className="text-sm">
          {t.rich("detail.newVersion", {
            version: f.version,
            from: fromVersion.version,
            link: (chunks) => (
              <Link href={`/bo-chi-so/${fromVersion.id}`} className="font-semibold underline">
                {chunks}
              </Link>
            ),
          })}
        </Callout>
      ) : null}
      {f.isIllustrative ? (
        <Callout tone="warn" className="text-sm">
          {t.rich("detail.illustrative", { strong })}
        </Callout>
      ) : null}
      {f.inUse && f.canEdit ? (
        <Callout tone="neutral" data-testid="in-use-note" className="text-sm">
          {t.rich("detail.inUse", { count: f.usedByAssessments, strong })}
        </Callout>
      ) : null}

      <Card as="section">
        <h2 className="font-semibold">{t("detail.general")}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3" data-testid="framework-meta">
          <Item label={t("detail.index")}>{f.index.nameVi}</Item>
          <Item label={t("detail.scope")}>
            {f.ownerProvinceName
              ? f.agencyKind
                ? t("detail.internalOf", { province: f.ownerProvinceName, kind: tc(`agencyKinds.${f.agencyKind}`) })
                : t("detail.internal", { province: f.ownerProvinceName })
              : t("detail.national")}
          </Item>
          <Item label={t("detail.years")}>
            <Years range={f} />
          </Item>
          <Item label={t("detail.decision")}>{f.decision ?? "—"}</Item>
          <Item label={t("detail.maxScore")}>{format.points(f.maxScore)}</Item>
          {f.bonusCap > 0 || f.penaltyCap > 0 ? (
            <Item label={t("detail.caps")}>
              {format.points(f.bonusCap)} / {format.points(f.penaltyCap)}
            </Item>
          ) : null}
          <Item label={t("detail.status")}>{t(`statuses.${f.status}`)}</Item>
          <Item label={t("detail.versions")}>
            <Versions framework={f} />
          </Item>
          <Item label={t("detail.createdAt")}>{format.dateTime(f.createdAt)}</Item>
        </dl>
        {f.note ? <p className="mt-4 text-sm text-slate-700">{f.note}</p> : null}
        {f.canEdit ? (
          <details className="mt-4 border-t border-slate-100 pt-4">
            <summary className={DETAILS_SUMMARY}>{t("detail.editGeneral")}</summary>
            <div className="mt-4">
              <ClientMessages namespaces={["frameworks.meta", "frameworks.statuses"]}>
                <FrameworkMetaForm mode="edit" framework={metaView(f)} />
              </ClientMessages>
            </div>
          </details>
        ) : null}
      </Card>

      <div className="grid gap-6 md:grid-cols-2">
        <Card as="section">
          <h2 className="font-semibold">{t("detail.components")}</h2>
          {f.components.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("detail.noComponents")}</p>
          ) : (
            <table className="mt-2 w-full text-sm" data-testid="components">
              <tbody className="divide-y divide-slate-100">
                {f.components.map((c) => (
                  <tr key={c.code}>
                    <td className="py-1.5 pr-3">{c.nameVi}</td>
                    <td className="py-1.5 text-right tabular-nums">{format.points(c.maxPoints)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-2 text-xs text-slate-500">{f.componentsAreAdditive ? t("detail.additive") : t("detail.notAdditive")}</p>
          {f.canEdit ? (
            <details className="mt-3">
              <summary className={DETAILS_SUMMARY}>{t("detail.editComponents")}</summary>
              <div className="mt-3">
                <ClientMessages namespaces={["frameworks.tables"]}>
                  <ComponentsForm {...target} components={f.components} />
                </ClientMessages>
              </div>
            </details>
          ) : null}
        </Card>
        <Card as="section">
          <h2 className="font-semibold">{t("detail.gradeBands")}</h2>
          {f.gradeBands.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("detail.noGradeBands")}</p>
          ) : (
            <table className="mt-2 w-full text-sm" data-testid="grade-bands">
              <tbody className="divide-y divide-slate-100">
                {f.gradeBands.map((b, i) => (
                  <tr key={b.label}>
                    <td className="py-1.5 pr-3 font-medium">{b.label}</td>
                    <td className="py-1.5 text-right tabular-nums">
                      {i === 0
                        ? t("detail.bandFrom", { from: format.points(b.minScore) })
                        : t("detail.bandRange", { from: format.points(b.minScore), to: format.points(f.gradeBands[i - 1].minScore) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {f.canEdit ? (
            <details className="mt-3">
              <summary className={DETAILS_SUMMARY}>{t("detail.editGradeBands")}</summary>
              <div className="mt-3">
                <ClientMessages namespaces={["frameworks.tables"]}>
                  <GradeBandsForm {...target} bands={f.gradeBands} />
                </ClientMessages>
              </div>
            </details>
          ) : null}
        </Card>
      </div>

      <Card as="section">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 className="font-semibold">{t("detail.tree")}</h2>
            <p className="text-sm text-slate-600" data-testid="tree-counts">
              {counts.length === 0 ? t("detail.noCriteria") : counts.map((c) => `${c.count} ${t(`levels.${c.level}`).toLowerCase()}`).join(" · ")}
            </p>
          </div>
          <div className="no-print flex flex-wrap gap-2 text-sm">
            {f.canEdit && f.criteria.length > 0 ? (
              <Link href={`/bo-chi-so/${f.id}/sua-diem`} className={buttonClass("secondary")}>
                {t("detail.editPoints")}
              </Link>
            ) : null}
            <a href={`/api/v1/frameworks/${f.id}/export?format=csv`} className={buttonClass("secondary")} data-testid="export-csv">
              {t("detail.exportCsv")}
            </a>
            <a href={`/api/v1/frameworks/${f.id}/export?format=xlsx`} className={buttonClass("secondary")} data-testid="export-xlsx">
              {t("detail.exportXlsx")}
            </a>
          </div>
        </div>
        {f.issues.length > 0 ? (
          <Callout tone={f.status === "DRAFT" ? "warn" : "error"} role="note" data-testid="tree-issues" className="mt-4 text-sm">
            <p className="font-semibold">{f.status === "DRAFT" ? t("detail.treeIncomplete") : t("detail.treeMismatch")}</p>
            <ul className="mt-1 list-inside list-disc">
              {f.issues.map((issue, i) => (
                <li key={i}>{issue.message}</li>
              ))}
            </ul>
          </Callout>
        ) : null}
        <ClientMessages namespaces={["frameworks.tables", "frameworks.tree", "frameworks.levels", "frameworks.methods"]}>
          {f.canEdit ? (
            <details className="no-print mt-4 rounded-lg border border-slate-200 p-4">
              <summary className={DETAILS_SUMMARY}>{t("detail.importTree")}</summary>
              <div className="mt-3">
                <ImportTreeForm {...target} />
              </div>
            </details>
          ) : null}
          <div className="mt-4">
            <CriteriaTree frameworkId={f.id} revision={f.revision} criteria={f.criteria} canEdit={f.canEdit} />
          </div>
        </ClientMessages>
      </Card>
    </div>
  );
}

function Versions({ framework: f }: { framework: FrameworkDetail }) {
  const t = useTranslations("frameworks");
  const years = useYears();
  return (
    <span className="flex flex-wrap gap-2">
      {f.versions.map((v) =>
        v.id === f.id ? (
          <strong key={v.id}>v{v.version}</strong>
        ) : (
          <Link key={v.id} href={`/bo-chi-so/${v.id}`} className="link" title={`${t(`statuses.${v.status}`)}, ${years(v)}`}>
            v{v.version}
          </Link>
        ),
      )}
    </span>
  );
}

function metaView(f: FrameworkDetail): FrameworkMetaView {
  const { id, revision, index, ownerProvinceId, agencyKind, name, decision, validFromYear, validToYear, maxScore, bonusCap, penaltyCap, status, note } = f;
  return {
    id,
    revision,
    index,
    ownerProvinceId,
    agencyKind,
    name,
    decision,
    validFromYear,
    validToYear,
    maxScore,
    bonusCap,
    penaltyCap,
    status,
    note,
    componentsAreAdditive: f.componentsAreAdditive,
    isIllustrative: f.isIllustrative,
  };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900">{children}</dd>
    </div>
  );
}

async function ErrorBox({ message }: { message: string }) {
  const t = await getTranslations("frameworks.detail");
  return (
    <Callout tone="error">
      {message}{" "}
      <Link href="/bo-chi-so" className="font-semibold underline">
        {t("toList")}
      </Link>
    </Callout>
  );
}
