// Opening the province's own PAR INDEX self-assessment of a year (issue 17, item 7). It is an
// assessment period like the internal ones — same sheet, evidence, versions and audit — whose
// framework is the Ministry's national one and whose single assessment is the province's own: the
// province is represented by its one agency of kind PROVINCE, made the first time. Home Affairs
// self-scores it (assessment.selfScore reaches the province) before the Ministry appraises.
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { isValidOn } from "@/lib/units/lineage";
import { openSelfAssessmentSchema } from "./schema";

const t = () => libTranslator("errors.selfAssessment");

export async function openSelfAssessment(actor: Actor, input: unknown): Promise<{ periodId: number; assessmentId: number }> {
  const data = parseInput(openSelfAssessmentSchema, input);
  authorize(actor, "assessment.manage", { provinceId: data.provinceId });
  const [province, framework] = await Promise.all([
    db.province.findUnique({ where: { id: data.provinceId } }),
    db.framework.findUnique({ where: { id: data.frameworkId }, include: { index: true, criteria: true } }),
  ]);
  if (!province) throw new NotFoundError(t()("provinceNotFound"));
  const appraised = framework?.criteria.some((c) => c.method === "APPRAISAL") ?? false;
  if (framework?.index.subject !== "PROVINCE" || framework.ownerProvinceId !== null || !appraised) {
    throw new ValidationError([{ field: "frameworkId", message: t()("chooseFramework") }]);
  }
  if (framework.status !== "ACTIVE") throw new ValidationError([{ field: "frameworkId", message: t()("frameworkNotActive") }]);
  if (data.year < framework.validFromYear || (framework.validToYear !== null && data.year > framework.validToYear)) {
    throw new ValidationError([{ field: "year", message: t()("frameworkYears", { from: framework.validFromYear, to: framework.validToYear ?? "…" }) }]);
  }
  if (!isValidOn(province, new Date(Date.UTC(data.year, 11, 31)))) {
    throw new ValidationError([{ field: "year", message: t()("provinceNotThen", { province: province.nameVi, year: data.year }) }]);
  }
  const key = { provinceId: province.id, frameworkId: framework.id, year: data.year };
  if (await db.assessmentPeriod.findUnique({ where: { provinceId_frameworkId_year: key } })) {
    throw new ValidationError([{ field: "year", message: t()("alreadyOpen", { year: data.year }) }]);
  }
  const leaves = framework.criteria.filter((c) => !framework.criteria.some((child) => child.parentId === c.id));

  return db.$transaction(async (tx) => {
    let itself = await tx.agency.findFirst({ where: { provinceId: province.id, kind: "PROVINCE" } });
    if (!itself) {
      if (await tx.agency.findUnique({ where: { provinceId_code: { provinceId: province.id, code: province.code } } })) {
        throw new ValidationError([{ field: "provinceId", message: t()("codeTaken", { code: province.code }) }]);
      }
      itself = await tx.agency.create({
        data: {
          provinceId: province.id,
          code: province.code,
          name: province.nameVi,
          kind: "PROVINCE",
          validFrom: province.validFrom,
          validTo: province.validTo,
        },
      });
      await writeAudit(tx, actor, {
        action: "agency.create",
        entityType: "Agency",
        entityId: itself.id,
        provinceId: province.id,
        newValue: { code: itself.code, name: itself.name, kind: itself.kind },
      });
    }
    const period = await tx.assessmentPeriod.create({ data: { ...key, selfScoringDeadline: data.deadline } });
    const assessment = await tx.assessment.create({
      data: { periodId: period.id, agencyId: itself.id, scores: { createMany: { data: leaves.map((c) => ({ criterionId: c.id })) } } },
    });
    await writeAudit(tx, actor, {
      action: "assessmentPeriod.open",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      provinceId: province.id,
      newValue: { year: data.year, framework: framework.name, deadline: data.deadline.toISOString(), selfAssessment: true, assessmentId: assessment.id },
    });
    return { periodId: period.id, assessmentId: assessment.id };
  });
}
