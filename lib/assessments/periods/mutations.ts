// Writes of the internal assessment periods: opening a year for a set of agencies (and adding one
// later), publishing it
// (agencies ranked by final score and classified), and importing a period's scores from a file —
// all or nothing, one audit row per changed score, refused whole if anyone saved one meanwhile.
import "server-only";
import { periodPublished } from "@/lib/notifications/events/mutations";
import { can, authorize, ForbiddenError, type Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { arrayLiteral } from "@/lib/db/bulk";
import { db } from "@/lib/db/client";
import { nextVersion, writeVersioned } from "@/lib/db/concurrency";
import type { AgencyKind } from "@/lib/db/generated/enums";
import { ConflictError, type Issue, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { classify } from "@/lib/frameworks/grades";
import { readTable, type Table, type TableFormat } from "@/lib/io/table-file";
import { isValidOn } from "@/lib/units/lineage";
import { applicableMaximum, gradedValue, percentOfApplicable } from "../applicable";
import { openingProblems } from "../peer-frameworks";
import { rankWithPeers } from "../peer-ranking";
import { openPeriodSchema, stepSchema } from "../schema";
import { addAgencySchema } from "../sheet/schema";
import { planScoreImport, type ScoreTarget } from "../scores-file";
import { loadTargets } from "./queries";

const t = () => libTranslator("errors.scoring");

export async function openPeriod(actor: Actor, input: unknown): Promise<{ periodId: number }> {
  const data = parseInput(openPeriodSchema, input);
  const framework = await db.framework.findUnique({ where: { id: data.frameworkId }, include: { index: true, criteria: true } });
  if (framework?.index.subject !== "AGENCY" || framework.ownerProvinceId === null) {
    throw new ValidationError([{ field: "frameworkId", message: t()("chooseFramework") }]);
  }
  authorize(actor, "assessment.manage", { provinceId: framework.ownerProvinceId });
  if (framework.status !== "ACTIVE") {
    throw new ValidationError([
      {
        field: "frameworkId",
        message: framework.status === "DRAFT" ? t()("frameworkDraft") : t()("frameworkRetired"),
      },
    ]);
  }
  if (data.year < framework.validFromYear || (framework.validToYear !== null && data.year > framework.validToYear)) {
    throw new ValidationError([
      {
        field: "year",
        message: framework.validToYear
          ? t()("frameworkYears", { from: framework.validFromYear, to: framework.validToYear })
          : t()("frameworkYearsFrom", { from: framework.validFromYear }),
      },
    ]);
  }
  const issues = await agencyProblems(data.agencyIds, framework, data.year);
  if (issues.length > 0) throw new ValidationError(issues);
  const existing = await db.assessmentPeriod.findUnique({
    where: { provinceId_frameworkId_year: { provinceId: framework.ownerProvinceId, frameworkId: framework.id, year: data.year } },
  });
  if (existing) throw new ValidationError([{ field: "year", message: t()("periodOpen", { year: data.year }) }]);
  const group = await peerGroupOf(data.peerGroupId ?? null, framework.ownerProvinceId, data.year);
  const yearIssues = await yearProblems(data.agencyIds, { provinceId: framework.ownerProvinceId, year: data.year, group });
  if (yearIssues.length > 0) throw new ValidationError(yearIssues);

  const leaves = leavesOf(framework.criteria);
  return db.$transaction(async (tx) => {
    const period = await tx.assessmentPeriod.create({
      data: {
        provinceId: framework.ownerProvinceId!,
        frameworkId: framework.id,
        year: data.year,
        selfScoringDeadline: data.deadline,
        peerGroupId: group?.id ?? null,
      },
    });
    for (const agencyId of data.agencyIds) {
      await tx.assessment.create({
        data: { periodId: period.id, agencyId, scores: { createMany: { data: leaves.map((c) => ({ criterionId: c.id })) } } },
      });
    }
    await writeAudit(tx, actor, {
      action: "assessmentPeriod.open",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      provinceId: period.provinceId,
      newValue: {
        year: data.year,
        framework: framework.name,
        deadline: data.deadline.toISOString(),
        agencyIds: data.agencyIds,
        ...(group ? { peerGroup: group.name } : {}),
      },
    });
    return { periodId: period.id };
  });
}

/** Why these agencies cannot be assessed with this framework in this year (none: an empty list). */
async function agencyProblems(
  agencyIds: number[],
  framework: { ownerProvinceId: number | null; agencyKind: AgencyKind | null },
  year: number,
): Promise<Issue[]> {
  const agencies = await db.agency.findMany({ where: { id: { in: agencyIds } } });
  const yearEnd = new Date(Date.UTC(year, 11, 31));
  return agencyIds
    .map((id) => ({ id, agency: agencies.find((a) => a.id === id) }))
    .flatMap(({ id, agency }) => {
      if (!agency || agency.provinceId !== framework.ownerProvinceId) return [{ field: "agencyIds", message: t()("agencyOtherProvince", { id }) }];
      if (!isValidOn(agency, yearEnd) && !isValidOn(agency, new Date(Date.UTC(year, 0, 1)))) {
        return [{ field: "agencyIds", message: t()("agencyInactive", { agency: agency.name, year }) }];
      }
      // The province itself is assessed against the Ministry's framework only (../self-assessment).
      if ((framework.agencyKind && agency.kind !== framework.agencyKind) || agency.kind === "PROVINCE") {
        return [{ field: "agencyIds", message: t()("agencyKind", { agency: agency.name }) }];
      }
      return [];
    });
}

/** The peer group a period is opened for (null: none), refused when not the province's or when it has a period that year. */
async function peerGroupOf(peerGroupId: number | null, provinceId: number, year: number) {
  if (peerGroupId === null) return null;
  const tp = libTranslator("errors.peerPeriods");
  const group = await db.peerGroup.findUnique({ where: { id: peerGroupId }, include: { periods: { where: { year }, include: { framework: true } } } });
  if (group?.provinceId !== provinceId) throw new ValidationError([{ field: "peerGroupId", message: tp("chooseGroup") }]);
  const [taken] = group.periods;
  if (taken)
    throw new ValidationError([
      { field: "peerGroupId", message: tp("groupPeriodOpen", { group: group.name, year: String(year), framework: taken.framework.name }) },
    ]);
  return group;
}

/** The agencies that cannot join a period of the year: outside its peer group, or scored by another period that year. */
async function yearProblems(
  agencyIds: number[],
  period: { provinceId: number; year: number; group: { id: number; name: string } | null },
  field = "agencyIds",
): Promise<Issue[]> {
  const [agencies, elsewhere] = await Promise.all([
    db.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, name: true, peerGroupId: true } }),
    db.assessment.findMany({
      where: { agencyId: { in: agencyIds }, period: { provinceId: period.provinceId, year: period.year } },
      select: { agencyId: true, period: { select: { framework: { select: { name: true } } } } },
    }),
  ]);
  const tp = libTranslator("errors.peerPeriods");
  return openingProblems(agencies, period.group?.id ?? null, new Map(elsewhere.map((a) => [a.agencyId, a.period.framework.name]))).map((problem) => ({
    field,
    message:
      problem.reason === "outsideGroup"
        ? tp("outsideGroup", { agency: problem.agency, group: period.group!.name })
        : tp("otherPeriod", { agency: problem.agency, year: String(period.year), framework: problem.framework }),
  }));
}

const leavesOf = <C extends { id: number; parentId: number | null }>(criteria: C[]) =>
  criteria.filter((c) => !criteria.some((child) => child.parentId === c.id));

/**
 * An agency forgotten when the year was opened (or created since) joins the open period with an
 * empty sheet under the period's deadline. Refused once the year is published, or if it is there.
 */
export async function addAgencyToPeriod(actor: Actor, input: unknown): Promise<{ agencyName: string }> {
  const data = parseInput(addAgencySchema, input);
  const period = await db.assessmentPeriod.findUnique({
    where: { id: data.periodId },
    include: { framework: { include: { criteria: true } }, assessments: { select: { agencyId: true } }, peerGroup: true },
  });
  if (!period) throw new NotFoundError(libTranslator("errors.generic")("notFound"));
  authorize(actor, "assessment.manage", { provinceId: period.provinceId });
  const t = libTranslator("errors.sheet");
  if (period.status === "PUBLISHED") throw new ValidationError([{ field: "agencyId", message: t("addToPublished") }]);
  if (period.assessments.some((a) => a.agencyId === data.agencyId)) throw new ValidationError([{ field: "agencyId", message: t("alreadyInPeriod") }]);
  const issues = await agencyProblems([data.agencyId], period.framework, period.year);
  if (issues.length > 0) throw new ValidationError(issues.map((issue) => ({ ...issue, field: "agencyId" })));
  const yearIssues = await yearProblems([data.agencyId], { provinceId: period.provinceId, year: period.year, group: period.peerGroup }, "agencyId");
  if (yearIssues.length > 0) throw new ValidationError(yearIssues);
  const leaves = leavesOf(period.framework.criteria);
  return db.$transaction(async (tx) => {
    const assessment = await tx.assessment.create({
      data: { periodId: period.id, agencyId: data.agencyId, scores: { createMany: { data: leaves.map((c) => ({ criterionId: c.id })) } } },
      include: { agency: true },
    });
    await writeAudit(tx, actor, {
      action: "assessmentPeriod.addAgency",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      provinceId: period.provinceId,
      newValue: { year: period.year, agency: assessment.agency.code, assessmentId: assessment.id },
    });
    return { agencyName: assessment.agency.name };
  });
}

/** Publishing the year ranks the agencies by final score and classifies them by the framework's bands. */
export async function publishPeriod(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const { periodId, version } = parseInput(stepSchema.pick({ version: true }).extend({ periodId: stepSchema.shape.assessmentId }), input);
  const period = await db.assessmentPeriod.findUnique({
    where: { id: periodId },
    include: {
      framework: { include: { gradeBands: true } },
      assessments: {
        include: { agency: { include: { peerGroup: true } }, scores: { select: { notApplicable: true, criterion: { select: { maxPoints: true } } } } },
      },
    },
  });
  if (!period) throw new NotFoundError(t()("periodNotFound"));
  authorize(actor, "assessment.manage", { provinceId: period.provinceId });
  if (period.status === "PUBLISHED") throw new ValidationError([{ field: "periodId", message: t()("periodPublished") }]);
  const pending = period.assessments.filter((a) => a.status !== "FINALIZED" || a.finalTotal === null);
  if (pending.length > 0) {
    throw new ValidationError([
      {
        field: "periodId",
        message: t()("notFinalized", {
          count: pending.length,
          agencies: `${pending
            .slice(0, 5)
            .map((a) => a.agency.name)
            .join(", ")}${pending.length > 5 ? "…" : ""}`,
        }),
      },
    ]);
  }
  // Agencies are compared by the share of their applicable maximum (criteria not applicable to one
  // agency leave its maximum), overall and within their peer group.
  const bands = period.framework.gradeBands.map((b) => ({ label: b.label, minScore: Number(b.minScore) }));
  const scored = period.assessments.map((a) => {
    const applicableMax = applicableMaximum(a.scores.map((s) => ({ maxPoints: Number(s.criterion.maxPoints), notApplicable: s.notApplicable })));
    const score = Number(a.finalTotal);
    return {
      assessmentId: a.id,
      score,
      percent: percentOfApplicable(score, applicableMax) ?? 0,
      classification: classify(gradedValue(score, applicableMax, period.framework.gradesOnPercentage), bands),
      group: a.agency.peerGroup?.name ?? null,
    };
  });
  const ranks = rankWithPeers(scored.map((row) => ({ key: String(row.assessmentId), group: row.group, value: row.percent })));
  const ranked = scored.map((row) => ({ ...row, ...ranks.get(String(row.assessmentId))! })).sort((a, b) => a.rank - b.rank);
  await db.$transaction(async (tx) => {
    await writeVersioned(
      { id: period.id, version },
      (where) => tx.assessmentPeriod.updateMany({ where, data: nextVersion({ status: "PUBLISHED" as const, publishedAt: now }) }),
      {
        current: () => tx.assessmentPeriod.findUnique({ where: { id: period.id } }),
        conflict: () => new ConflictError(t()("periodConflict"), null),
      },
    );
    for (const row of ranked) {
      await tx.assessment.update({ where: { id: row.assessmentId }, data: { rank: row.rank, peerRank: row.peerRank, classification: row.classification } });
    }
    await writeAudit(tx, actor, {
      action: "assessmentPeriod.publish",
      entityType: "AssessmentPeriod",
      entityId: period.id,
      provinceId: period.provinceId,
      oldValue: { status: period.status },
      newValue: {
        status: "PUBLISHED",
        ranking: ranked.map((row) => ({
          assessmentId: row.assessmentId,
          rank: row.rank,
          peerRank: row.peerRank,
          score: row.score,
          percent: row.percent,
          classification: row.classification,
        })),
      },
    });
    const agencyIds = period.assessments.map((a) => a.agencyId);
    await periodPublished(tx, actor.id, { id: period.id, year: period.year, provinceId: period.provinceId, agencyIds });
  });
}

// ───────────────────────── Import of the period's scores ─────────────────────────

const AUDIT_KEYS = {
  self: ["selfScore", "selfComment"],
  round1: ["round1Score", "round1Comment"],
  round2: ["round2Score", "round2Comment"],
} as const satisfies Record<string, readonly [keyof ScoreTarget, keyof ScoreTarget]>;

/** The steps of an import, timed for `npm run bench:import`. */
export type ScoreImportPhase = "load" | "read" | "plan" | "update" | "audit" | "commit";

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
  // Every error is listed by row and column under this summary (the form's issue table).
  if (issues.length > 0) {
    throw new ValidationError(issues, `${t()("fileErrors", { count: issues.length })}${issues.length === 1 ? ` ${issues[0].message}` : ""}`);
  }
  phaseDone("plan");
  const result = { dryRun: Boolean(options.dryRun), changed: changes.length, unchanged, rows: table.rows.length };
  if (options.dryRun || changes.length === 0) return result;

  await db.$transaction(
    async (tx) => {
      for (const kind of ["self", "round1", "round2"] as const) {
        const batch = changes.filter((c) => c.kind === kind);
        if (batch.length === 0) continue;
        const column = {
          self: ["self_score", "self_comment"],
          round1: ["round1_score", "round1_comment"],
          round2: ["round2_score", "round2_comment"],
        }[kind];
        // One statement per kind: the version in the WHERE refuses the file if a score changed since it was read.
        // The assessments' ids add nothing to the match but let PostgreSQL read only their scores through
        // the (assessment_id, criterion_id) index: without them it hashed the whole table (1.8 million
        // rows at national scale, 1 s of the import's 6).
        const updated = await tx.$executeRawUnsafe(
          `UPDATE criterion_score AS cs
              SET ${column[0]} = v.score, ${column[1]} = v.comment, version = cs.version + 1, updated_at = now()
             FROM unnest($1::int[], $2::int[], $3::numeric[], $4::text[]) AS v(id, version, score, comment)
            WHERE cs.id = v.id AND cs.version = v.version AND cs.assessment_id = ANY($5::int[])`,
          arrayLiteral(batch.map((c) => c.target.criterionScoreId)),
          arrayLiteral(batch.map((c) => c.target.version)),
          arrayLiteral(batch.map((c) => c.score)),
          arrayLiteral(batch.map((c) => c.comment)),
          arrayLiteral([...new Set(batch.map((c) => c.target.assessmentId))]),
        );
        if (updated !== batch.length) {
          throw new ConflictError(t()("importConflict", { count: batch.length - updated }), null);
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
