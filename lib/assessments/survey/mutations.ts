// Import of a period's survey results into its survey-based sub-criteria: all or nothing, one audit
// row per changed score. The survey's figure is the appraised score of the criterion (round 1, and
// round 2 where round 2 already scored it): it is a measurement, not a judgment the council revises
// after an explanation. Refused for a published period and for a finalized sheet (its final total is
// computed), and whole if a score or a sheet changed between the read and the write.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { arrayLiteral } from "@/lib/db/bulk";
import { db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { readTable, tableFormatOf } from "@/lib/io/table-file";
import type { Upload } from "@/lib/io/upload";
import { planSurveyImport } from "./plan";
import { surveyContext } from "./queries";
import type { SurveyImportOutcome } from "./types";

const t = () => libTranslator("errors.survey");

export async function importSurvey(actor: Actor, periodId: number, file: Upload, options: { dryRun: boolean }): Promise<SurveyImportOutcome> {
  const context = await surveyContext(actor, periodId);
  const { period } = context;
  if (period.status === "PUBLISHED") throw new ValidationError([{ field: "file", message: t()("published") }]);
  const table = await readTable(file.bytes, tableFormatOf(file.name));
  const { issues, changes, rows } = planSurveyImport(table.columns, table.rows, context);
  if (issues.length > 0) {
    throw new ValidationError(issues, `${t()("fileErrors", { count: issues.length })}${issues.length === 1 ? ` ${issues[0].message}` : ""}`);
  }
  const updated = rows.filter((r) => r.change === "updated").length;
  const outcome: SurveyImportOutcome = {
    dryRun: options.dryRun,
    changed: changes.length,
    summary: { new: 0, updated, unchanged: rows.length - updated },
    rows,
  };
  if (options.dryRun || changes.length === 0) return outcome;

  const assessmentIds = [...new Set(changes.map((c) => c.target.assessmentId))];
  await db.$transaction(
    async (tx) => {
      // The period and the sheets are locked as they are re-checked: a publish or a finalize waits
      // for this import (or this import sees it and is refused).
      const [current] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM assessment_period WHERE id = ${period.id} FOR UPDATE`;
      const sheets = await tx.$queryRaw<{ id: number; status: string }[]>`
        SELECT id, status::text AS status FROM assessment WHERE id = ANY(${assessmentIds}::int[]) ORDER BY id FOR UPDATE`;
      if (current?.status === "PUBLISHED" || sheets.some((s) => s.status === "FINALIZED")) {
        throw new ConflictError(t()("conflict", { count: changes.length }), null);
      }
      // One statement: the version in the WHERE refuses the file if a score changed since it was read.
      const written = await tx.$executeRawUnsafe(
        `UPDATE criterion_score AS cs
            SET round1_score = v.score,
                round2_score = CASE WHEN cs.round2_score IS NULL THEN NULL ELSE v.score END,
                version = cs.version + 1, updated_at = now()
           FROM unnest($1::int[], $2::int[], $3::numeric[]) AS v(id, version, score)
          WHERE cs.id = v.id AND cs.version = v.version AND cs.assessment_id = ANY($4::int[])`,
        arrayLiteral(changes.map((c) => c.target.criterionScoreId)),
        arrayLiteral(changes.map((c) => c.target.version)),
        arrayLiteral(changes.map((c) => c.score)),
        arrayLiteral(assessmentIds),
      );
      if (written !== changes.length) throw new ConflictError(t()("conflict", { count: changes.length - written }), null);
      // A sheet whose scores changed has a new version: a finalize prepared on the old totals is refused.
      await tx.assessment.updateMany({ where: { id: { in: assessmentIds } }, data: { version: { increment: 1 } } });
      await writeAudit(
        tx,
        actor,
        changes.map((c) => ({
          action: "criterionScore.import.survey" as const,
          entityType: "CriterionScore" as const,
          entityId: c.target.criterionScoreId,
          provinceId: period.provinceId,
          oldValue: { round1Score: c.target.round1Score, round2Score: c.target.round2Score, criterion: c.code, agency: c.agencyCode },
          newValue: {
            round1Score: c.score,
            round2Score: c.target.round2Score === null ? null : c.score,
            criterion: c.code,
            agency: c.agencyCode,
            row: c.row,
          },
        })),
      );
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return outcome;
}
