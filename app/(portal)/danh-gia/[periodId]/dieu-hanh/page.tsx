import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { periodProgress } from "@/lib/assessments/board/queries";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { ControlBoardTable } from "@/components/assessments/control-board";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scoring.board"))("title") };
}

const DAY_MS = 86_400_000;

/** The period control board: Home Affairs sees every agency; an agency head its own line and countdown. */
export default async function ControlBoardPage({ params }: { params: Promise<{ periodId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const now = new Date();
  const progress = await periodProgress(actor, idParam((await params).periodId), now).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("scoring.board"), getFormat()]);
  const late = progress.agencies.filter((a) => a.late).length;
  const submitted = progress.agencies.filter((a) => a.status !== "DRAFT").length;
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/danh-gia/${progress.periodId}`, label: t("back") }} title={t("heading", { year: progress.year })}>
        <p className="text-slate-600">{t("lead", { deadline: format.dateTime(progress.deadline) })}</p>
      </PageHeader>

      {progress.canManage ? (
        <p className="flex flex-wrap gap-2 text-sm" data-testid="board-summary">
          <Badge tone="info">{t("submittedCount", { submitted, total: progress.agencies.length })}</Badge>
          <Badge tone={late > 0 ? "bad" : "ok"}>{t("lateCount", { late })}</Badge>
        </p>
      ) : null}

      <ClientMessages namespaces={["scoring.board", "assessments.assessmentStatus"]}>
        <ControlBoardTable
          canManage={progress.canManage}
          rows={progress.agencies.map((a) => ({ ...a, daysLeft: Math.ceil((a.deadline.getTime() - now.getTime()) / DAY_MS) }))}
        />
      </ClientMessages>
    </div>
  );
}
