// Import and export of scores as CSV/XLSX for one agency or a whole year. The import is
// all-or-nothing: every row is checked first (scores-file.ts); then one transaction writes the
// changes in bulk, with one audit row per changed score, refusing the whole file if anyone saved
// one of those scores meanwhile.
import "server-only";
import { numberOrNull } from "@/lib/numbers";
import { db } from "@/lib/db/client";
import { can, ForbiddenError, type Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { readTable, type Cell, type Table, type TableFormat, writeCsv, writeXlsx } from "@/lib/io/table-file";
import { exportedAppraised, exportedComment, planScoreImport, SCORE_COLUMNS, type ScoreTarget } from "./scores-file";
import { canSelfScore, seesAppraisal } from "./workflow";
import { compareVietnamese } from "@/lib/format";

const AUDIT_KEYS = {
  self: ["selfScore", "selfComment"],
  round1: ["round1Score", "round1Comment"],
  round2: ["round2Score", "round2Comment"],
} as const satisfies Record<string, readonly [keyof ScoreTarget, keyof ScoreTarget]>;

/** The steps of an import, timed for `npm run bench:import`. */
export type ScoreImportPhase = "load" | "read" | "plan" | "update" | "audit" | "commit";

/** Every sub-criterion score of a period (or of one assessment), with what the rules need. */
async function loadTargets(actor: Actor, periodId: number, assessmentId?: number, now = new Date()) {
  const period = await db.assessmentPeriod.findUnique({ where: { id: periodId }, include: { framework: true } });
  if (!period) throw new NotFoundError("Không tìm thấy kỳ đánh giá.");
  const assessments = await db.assessment.findMany({
    where: { periodId, ...(assessmentId ? { id: assessmentId } : {}) },
    include: { agency: true },
  });
  if (assessmentId && assessments.length === 0) throw new NotFoundError("Không tìm thấy phiếu đánh giá trong kỳ này.");
  const visible = assessments.filter((a) => can(actor, "province.read", { provinceId: period.provinceId, agencyId: a.agencyId }));
  if (visible.length === 0) throw new ForbiddenError();
  const criteria = await db.criterion.findMany({ where: { frameworkId: period.frameworkId }, orderBy: { sortOrder: "asc" } });
  const criterionById = new Map(criteria.map((c) => [c.id, c]));
  const scores = await db.criterionScore.findMany({
    where: { assessmentId: { in: visible.map((a) => a.id) } },
    select: {
      id: true,
      assessmentId: true,
      criterionId: true,
      version: true,
      selfScore: true,
      selfComment: true,
      round1Score: true,
      round1Comment: true,
      round2Score: true,
      round2Comment: true,
    },
  });
  const assessmentById = new Map(visible.map((a) => [a.id, a]));
  const targets = new Map<string, ScoreTarget & { agencyName: string; name: string; sortOrder: number }>();
  for (const s of scores) {
    const assessment = assessmentById.get(s.assessmentId)!;
    const criterion = criterionById.get(s.criterionId)!;
    // An agency does not see its appraisal before staff release it: not in the file, and not in
    // what the import compares with (its answers would tell a guess that matches from one that does not).
    const appraisal = seesAppraisal(actor.role, assessment.appraisalReleasedAt, period.status)
      ? { round1Score: numberOrNull(s.round1Score), round1Comment: s.round1Comment, round2Score: numberOrNull(s.round2Score), round2Comment: s.round2Comment }
      : { round1Score: null, round1Comment: null, round2Score: null, round2Comment: null };
    targets.set(`${assessment.agency.code}\u0000${criterion.code}`, {
      criterionScoreId: s.id,
      assessmentId: s.assessmentId,
      version: s.version,
      code: criterion.code,
      name: criterion.name,
      sortOrder: criterion.sortOrder,
      agencyCode: assessment.agency.code,
      agencyName: assessment.agency.name,
      maxPoints: Number(criterion.maxPoints),
      selfScorable: criterion.method === "APPRAISAL",
      status: assessment.status,
      selfScoringOpen: canSelfScore(assessment.status, period.selfScoringDeadline, now),
      selfScore: numberOrNull(s.selfScore),
      selfComment: s.selfComment,
      ...appraisal,
    });
  }
  return { period, visible, targets };
}

export async function exportScores(actor: Actor, options: { periodId: number; assessmentId?: number; format: TableFormat }) {
  const { period, targets } = await loadTargets(actor, options.periodId, options.assessmentId);
  const rows: Cell[][] = [...targets.values()]
    .sort((a, b) => compareVietnamese(a.agencyName, b.agencyName) || a.sortOrder - b.sortOrder)
    .map((t) => [t.agencyCode, t.agencyName, t.code, t.name, t.maxPoints, t.selfScore, exportedAppraised(t), exportedComment(t)]);
  const columns = [...SCORE_COLUMNS];
  const body = options.format === "csv" ? Buffer.from(writeCsv(columns, rows), "utf8") : await writeXlsx(`Điểm ${period.year}`, columns, rows);
  return { body, fileName: `diem-cchc-${period.year}${options.assessmentId ? `-${rows[0]?.[0] ?? ""}` : ""}.${options.format}` };
}

export type ScoreImportResult = { dryRun: boolean; changed: number; unchanged: number; rows: number };

export async function importScores(
  actor: Actor,
  options: {
    periodId: number;
    assessmentId?: number;
    data: Uint8Array;
    format: TableFormat;
    dryRun?: boolean;
    /** Called as each step ends, with its duration in seconds. */
    onPhase?: (phase: ScoreImportPhase, seconds: number) => void;
  },
  now = new Date(),
): Promise<ScoreImportResult> {
  let phaseStart = performance.now();
  const phaseDone = (phase: ScoreImportPhase) => {
    const at = performance.now();
    options.onPhase?.(phase, (at - phaseStart) / 1000);
    phaseStart = at;
  };
  const { period, visible, targets } = await loadTargets(actor, options.periodId, options.assessmentId, now);
  phaseDone("load");
  // An import writes: someone who may score none of these sheets (a leader) is refused before the file is read.
  const scopeOf = (agencyId: number) => ({ provinceId: period.provinceId, agencyId });
  if (!visible.some((a) => can(actor, "assessment.selfScore", scopeOf(a.agencyId)) || can(actor, "assessment.manage", scopeOf(a.agencyId)))) {
    throw new ForbiddenError();
  }
  const table: Table = await readTable(options.data, options.format);
  phaseDone("read");
  const agencyOf = new Map(visible.map((a) => [a.agency.code, a]));
  const { issues, changes, unchanged } = planScoreImport(
    table.columns,
    table.rows,
    (agencyCode, code) => {
      if (!agencyOf.has(agencyCode)) return "unknown-agency";
      return targets.get(`${agencyCode}\u0000${code}`) ?? "unknown-code";
    },
    (agencyCode, kind) => {
      return can(actor, kind === "self" ? "assessment.selfScore" : "assessment.manage", scopeOf(agencyOf.get(agencyCode)!.agencyId));
    },
  );
  if (issues.length > 0) throw new ValidationError(issues, `Tệp có ${issues.length} lỗi, chưa ghi dữ liệu nào. ${issues[0].message}`);
  phaseDone("plan");
  const result = { dryRun: Boolean(options.dryRun), changed: changes.length, unchanged, rows: table.rows.length };
  if (options.dryRun || changes.length === 0) return result;

  await db.$transaction(
    async (tx) => {
      for (const kind of ["self", "round1", "round2"] as const) {
        const batch = changes.filter((c) => c.kind === kind);
        if (batch.length === 0) continue;
        const column = { self: ["self_score", "self_comment"], round1: ["round1_score", "round1_comment"], round2: ["round2_score", "round2_comment"] }[kind];
        // One statement per kind: the version in the WHERE refuses the file if a score changed since it was read.
        // The assessments' ids add nothing to the match but let PostgreSQL read only their scores through
        // the (assessment_id, criterion_id) index: without them it hashed the whole table (1.8 million
        // rows at national scale, 1 s of the import's 6).
        const updated = await tx.$executeRawUnsafe(
          `UPDATE criterion_score AS cs
              SET ${column[0]} = v.score, ${column[1]} = v.comment, version = cs.version + 1, updated_at = now()
             FROM unnest($1::int[], $2::int[], $3::numeric[], $4::text[]) AS v(id, version, score, comment)
            WHERE cs.id = v.id AND cs.version = v.version AND cs.assessment_id = ANY($5::int[])`,
          batch.map((c) => c.target.criterionScoreId),
          batch.map((c) => c.target.version),
          batch.map((c) => c.score),
          batch.map((c) => c.comment),
          [...new Set(batch.map((c) => c.target.assessmentId))],
        );
        if (updated !== batch.length) {
          throw new ConflictError(
            `Trong lúc nhập, ${batch.length - updated} điểm đã được người khác sửa. Chưa ghi dữ liệu nào: xuất lại tệp mới nhất rồi nhập lại.`,
            null,
          );
        }
      }
      phaseDone("update");
      // The first appraised score of an assessment opens its round 1.
      const appraisedAssessments = [...new Set(changes.filter((c) => c.kind === "round1").map((c) => c.target.assessmentId))];
      if (appraisedAssessments.length > 0) {
        await tx.assessment.updateMany({ where: { id: { in: appraisedAssessments }, status: "SUBMITTED" }, data: { status: "ROUND1" } });
      }
      await writeAudit(
        tx,
        actor,
        changes.map((c) => {
          const [scoreKey, commentKey] = AUDIT_KEYS[c.kind];
          return {
            action: `criterionScore.import.${c.kind}` as const,
            entityType: "CriterionScore" as const,
            entityId: c.target.criterionScoreId,
            provinceId: period.provinceId,
            oldValue: { [scoreKey]: c.target[scoreKey], [commentKey]: c.target[commentKey], criterion: c.target.code },
            newValue: { [scoreKey]: c.score, [commentKey]: c.comment, criterion: c.target.code, row: c.row },
          };
        }),
      );
      phaseDone("audit");
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  phaseDone("commit");
  return result;
}
