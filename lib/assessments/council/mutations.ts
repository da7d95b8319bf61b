// Home Affairs' writes on the appraisal council (issue 17): name a member of a period's council with
// the fields, criteria or sub-criteria they appraise, or take one assignment back. Assignments are
// added and removed one by one, never edited, so two officers working at once cannot overwrite
// each other (adding one twice changes nothing). Each change has its audit row.
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { appraisesByAssignment } from "./queries";
import { assignCouncilSchema, removeAssignmentSchema } from "./schema";

const t = () => libTranslator("errors.council");

/** Names a member (an active agency head or leader of the province) and assigns them framework nodes. Returns how many were new. */
export async function assignCouncil(actor: Actor, input: unknown): Promise<number> {
  const data = parseInput(assignCouncilSchema, input);
  const period = await db.assessmentPeriod.findUnique({ where: { id: data.periodId }, include: { framework: { include: { criteria: true } } } });
  if (!period) throw new NotFoundError(libTranslator("errors.scoring")("periodNotFound"));
  authorize(actor, "assessment.manage", { provinceId: period.provinceId });
  if (period.status === "PUBLISHED") throw new ValidationError([{ field: "periodId", message: t()("published") }]);
  const user = await db.user.findUnique({ where: { id: data.userId }, include: { agency: true } });
  const userProvince = user?.agency?.provinceId ?? user?.provinceId ?? null;
  if (!user?.active || userProvince !== period.provinceId || !appraisesByAssignment(user)) {
    throw new ValidationError([{ field: "userId", message: t()("notEligible") }]);
  }
  const byId = new Map(period.framework.criteria.map((c) => [c.id, c]));
  const unknown = data.criterionIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new ValidationError([{ field: "criterionIds", message: t()("notInFramework") }]);
  return db.$transaction(async (tx) => {
    let added = 0;
    for (const criterionId of data.criterionIds) {
      const existing = await tx.councilAssignment.findUnique({ where: { periodId_userId_criterionId: { periodId: period.id, userId: user.id, criterionId } } });
      if (existing) continue;
      const created = await tx.councilAssignment.create({ data: { periodId: period.id, userId: user.id, criterionId } });
      added += 1;
      await writeAudit(tx, actor, {
        action: "councilAssignment.add",
        entityType: "CouncilAssignment",
        entityId: created.id,
        provinceId: period.provinceId,
        newValue: { year: period.year, member: user.email, agency: user.agency?.code ?? null, criterion: byId.get(criterionId)!.code },
      });
    }
    return added;
  });
}

/** Takes one assignment back (the member's scores already given stay, with their audit rows). */
export async function removeCouncilAssignment(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(removeAssignmentSchema, input);
  const assignment = await db.councilAssignment.findUnique({
    where: { id: data.assignmentId },
    include: { period: true, user: { include: { agency: true } }, criterion: true },
  });
  if (!assignment) throw new NotFoundError(t()("assignmentNotFound"));
  authorize(actor, "assessment.manage", { provinceId: assignment.period.provinceId });
  await db.$transaction(async (tx) => {
    // deleteMany: a concurrent removal of the same row is not an error, and writes no second audit row.
    const { count } = await tx.councilAssignment.deleteMany({ where: { id: assignment.id } });
    if (count === 0) return;
    await writeAudit(tx, actor, {
      action: "councilAssignment.remove",
      entityType: "CouncilAssignment",
      entityId: assignment.id,
      provinceId: assignment.period.provinceId,
      oldValue: {
        year: assignment.period.year,
        member: assignment.user.email,
        agency: assignment.user.agency?.code ?? null,
        criterion: assignment.criterion.code,
      },
    });
  });
}
