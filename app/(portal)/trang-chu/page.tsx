import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { reachOf } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/policy";
import { listPeriods } from "@/lib/assessments/periods/queries";
import { getMyWork } from "@/lib/my-work/queries";
import { getFormat, inRequestLocale } from "@/lib/i18n/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PendingCards } from "@/components/dashboards/pending-cards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home.workspace"))("title") };
}

export default async function HomePage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  // An agency head reads their own agency only (the permission table): their agency's page, not the province's dashboard.
  const ownAgencyOnly = reachOf(actor.role, "province.read") === "agency";
  const t = await getTranslations("home.workspace");
  const tc = await getTranslations("common");
  const unit = actor.agencyName
    ? t("unitAgency", { agency: actor.agencyName, province: actor.provinceName ?? "" })
    : actor.provinceName
      ? t("unitProvince", { province: actor.provinceName })
      : t("unitNational");
  return (
    <div className="space-y-6">
      <Card as="section">
        <p className="text-sm text-slate-500">{t("hello")}</p>
        <h1 className="text-2xl font-bold text-brand-900">{actor.name}</h1>
        <dl className="mt-4 grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-500">{t("role")}</dt>
            <dd data-testid="role" className="font-semibold">
              {tc(`roles.${actor.role}`)}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("unit")}</dt>
            <dd data-testid="unit" className="font-semibold">
              {unit}
            </dd>
          </div>
        </dl>
        <p className="mt-4 text-slate-700">{t(`intro.${actor.role}`)}</p>
        <p className="mt-4">
          {ownAgencyOnly && actor.agencyId ? (
            <ButtonLink href={`/co-quan/${actor.agencyId}`} size="md">
              {t("toFix")}
            </ButtonLink>
          ) : !ownAgencyOnly ? (
            <ButtonLink href="/bang-dieu-khien" size="md">
              {t("dashboard")}
            </ButtonLink>
          ) : null}
        </p>
      </Card>
      <MyWork actor={actor} />
      <WorkLinks actor={actor} />
      <Card as="section">
        <h2 className="font-semibold">{t("start")}</h2>
        <ul className="mt-2 list-inside list-disc text-brand-700">
          <li>
            <Link href="/xep-hang?index=PAR_INDEX" className="hover:underline">
              {t("parRanking")}
            </Link>
          </li>
          <li>
            <Link href="/xep-hang?index=SIPAS" className="hover:underline">
              {t("sipasRanking")}
            </Link>
          </li>
        </ul>
      </Card>
    </div>
  );
}

/** The scoring years that concern the actor, newest first, as a to-do list. */
async function WorkLinks({ actor }: { actor: Actor }) {
  const [periods, t, ta, format] = await Promise.all([listPeriods(actor), getTranslations("home.workspace"), getTranslations("assessments"), getFormat()]);
  if (periods.length === 0) return null;
  return (
    <Card as="section">
      <h2 className="font-semibold">{t("periods")}</h2>
      <ul className="mt-2 space-y-1">
        {periods.slice(0, 5).map((p) => (
          <li key={p.id}>
            <Link href={`/danh-gia/${p.id}`} className="link">
              {t("period", { year: p.year, province: p.provinceName })}
            </Link>{" "}
            <span className="text-sm text-slate-600">
              {t("periodState", {
                status: ta(`periodStatus.${p.status}`),
                deadline: format.dateTime(p.deadline),
                finalized: p.finalizedCount,
                agencies: p.agencyCount,
              })}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** What waits for the actor as cards, then the open tasks and reports owed under the directives. */
async function MyWork({ actor }: { actor: Actor }) {
  const work = await inRequestLocale(() => getMyWork(actor));
  const overdue = work.tasks.filter((task) => task.overdue).length;
  const missing = work.reportsDue.filter((report) => report.state === "missing").length;
  return (
    <>
      <PendingCards cards={work.pending} />
      <MyWorkSummary tasks={work.tasks.length} overdue={overdue} missing={missing} />
    </>
  );
}

function MyWorkSummary({ tasks, overdue, missing }: { tasks: number; overdue: number; missing: number }) {
  const t = useTranslations("home.workspace");
  return (
    <Card as="section" data-testid="my-work">
      <h2 className="font-semibold">{t("myWork")}</h2>
      <p className="mt-2 text-slate-700">
        {t.rich("myWorkSummary", {
          tasks,
          overdue,
          missing,
          late: (chunks) => <strong className="text-red-700">{chunks}</strong>,
        })}
      </p>
      <p className="mt-2 flex gap-4 text-sm">
        <Link href="/viec-cua-toi" className="link">
          {t("myWorkLink")}
        </Link>
        <Link href="/van-ban" className="link">
          {t("directivesLink")}
        </Link>
      </p>
    </Card>
  );
}
