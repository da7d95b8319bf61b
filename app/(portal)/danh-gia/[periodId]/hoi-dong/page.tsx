import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { assignCouncilAction, removeCouncilAssignmentAction } from "@/lib/assessments/actions";
import { periodCouncil } from "@/lib/assessments/council/queries";
import type { CouncilMember } from "@/lib/assessments/types";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { ActionForm, inputClass, labelClass } from "@/components/forms/form-kit";
import { StatusBadge } from "@/components/assessments/badges";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("council"))("title") };
}

/** The appraisal council of a period: Home Affairs names members and sees their progress; a member sees their part. */
export default async function CouncilPage({ params }: { params: Promise<{ periodId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const council = await periodCouncil(actor, idParam((await params).periodId)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("council"), getFormat()]);
  const percent = (done: number, total: number) => format.score(total === 0 ? 0 : (done / total) * 100);
  const open = council.status !== "PUBLISHED";
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/danh-gia/${council.periodId}`, label: t("back", { year: council.year }) }} title={t("heading", { year: council.year })}>
        <p className="text-slate-600">{council.frameworkName}</p>
      </PageHeader>
      <Callout size="sm">{t(council.canManage ? "leadManage" : "leadMember")}</Callout>

      {council.canManage && open ? (
        <Card as="section" padding="md" aria-labelledby="council-assign">
          <SectionHeading id="council-assign">{t("assignHeading")}</SectionHeading>
          <p className="mt-1 text-sm text-slate-600">
            {t.rich("assignLead", {
              link: (chunks) => (
                <Link href="/quan-tri/tai-khoan/moi" className="link">
                  {chunks}
                </Link>
              ),
            })}
          </p>
          {council.candidates.length === 0 ? (
            <p className="mt-3 text-sm">{t("noCandidates")}</p>
          ) : (
            <ActionForm action={assignCouncilAction} submitLabel={t("assign")} testId="council-assign" className="mt-3 grid min-w-0 grid-cols-1 gap-3">
              <input type="hidden" name="periodId" value={council.periodId} />
              <label className={labelClass} htmlFor="council-member">
                {t("member")}
              </label>
              <select id="council-member" name="userId" required className={`${inputClass} w-full min-w-0`} defaultValue="">
                <option value="" disabled>
                  {t("chooseMember")}
                </option>
                {council.candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.agencyName ? t("candidate", { name: c.name, agency: c.agencyName }) : c.name}
                  </option>
                ))}
              </select>
              <fieldset className="max-h-80 min-w-0 overflow-y-auto rounded-md border border-slate-200 p-3">
                <legend className="px-1 text-sm font-semibold">{t("nodes")}</legend>
                <ul className="space-y-1 text-sm">
                  {council.nodes
                    .filter((n) => n.level !== "SUB_CRITERION")
                    .map((n) => (
                      <li key={n.id} className={n.level === "FIELD" ? "mt-2 font-semibold first:mt-0" : "pl-5"}>
                        <label className="inline-flex items-start gap-2">
                          <input type="checkbox" name="criterionIds" value={n.id} className="mt-1" data-code={n.code} />
                          <span>
                            {n.code}. {n.name}
                          </span>
                        </label>
                      </li>
                    ))}
                </ul>
              </fieldset>
            </ActionForm>
          )}
        </Card>
      ) : null}

      <section aria-labelledby="council-members" className="space-y-3">
        <SectionHeading id="council-members">{t(council.canManage ? "membersHeading" : "mineHeading")}</SectionHeading>
        {council.members.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noMembers")}</p>
        ) : (
          <DataTable stacked data-testid="council-members">
            <THead>
              <Th>{t("member")}</Th>
              <Th>{t("assignments")}</Th>
              <Th numeric>{t("round1")}</Th>
              <Th numeric>{t("round2")}</Th>
            </THead>
            <TBody>
              {council.members.map((m) => (
                <tr key={m.userId} data-member={m.email}>
                  <Td label={t("member")} className="font-medium">
                    {m.name}
                    <span className="block text-xs text-slate-500">{m.agencyName ?? m.email}</span>
                  </Td>
                  <Td label={t("assignments")}>
                    <Assignments member={m} removable={council.canManage && open} t={t} />
                  </Td>
                  <Td label={t("round1")} numeric data-col="round1">
                    {t("scoredOf", { scored: m.progress.round1, total: m.progress.total })}
                    <span className="block text-xs text-slate-500">{t("percent", { value: percent(m.progress.round1, m.progress.total) })}</span>
                  </Td>
                  <Td label={t("round2")} numeric data-col="round2">
                    {t("round2Of", { scored: m.progress.round2, requested: m.progress.requested })}
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        )}
      </section>

      {council.canManage ? null : (
        <section aria-labelledby="council-sheets" className="space-y-3">
          <SectionHeading id="council-sheets">{t("sheetsHeading")}</SectionHeading>
          <DataTable stacked data-testid="council-sheets">
            <THead>
              <Th>{t("agency")}</Th>
              <Th>{t("status")}</Th>
              <Th numeric>{t("round1")}</Th>
              <Th numeric>{t("round2")}</Th>
            </THead>
            <TBody>
              {council.sheets.map((s) => (
                <tr key={s.assessmentId}>
                  <Td label={t("agency")} className="font-medium">
                    <Link href={`/danh-gia/phieu/${s.assessmentId}`} className="link">
                      {s.agencyName}
                    </Link>
                  </Td>
                  <Td label={t("status")}>
                    <StatusBadge status={s.status} />
                  </Td>
                  <Td label={t("round1")} numeric>
                    {t("scoredOf", { scored: s.round1, total: s.total })}
                  </Td>
                  <Td label={t("round2")} numeric>
                    {format.integer(s.round2)}
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        </section>
      )}
    </div>
  );
}

function Assignments({ member, removable, t }: { member: CouncilMember; removable: boolean; t: Awaited<ReturnType<typeof getTranslations<"council">>> }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {member.assignments.map((a) => (
        <li key={a.id} className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 px-2 py-0.5 text-xs" title={a.name}>
          <span>{t(`levels.${a.level}`, { code: a.code })}</span>
          {removable ? (
            <ActionForm
              action={removeCouncilAssignmentAction}
              submitLabel={t("remove")}
              buttonClassName="text-xs text-red-700 underline"
              testId={`remove-${a.id}`}
              confirm={t("removeConfirm", { code: a.code, name: member.name })}
            >
              <input type="hidden" name="assignmentId" value={a.id} />
            </ActionForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
