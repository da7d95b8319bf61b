// The audit trail: who changed what, when, with the old and the new value. Every mutation in lib
// writes it inside its own transaction, so a change and its audit row commit or fail together.
import type { Actor } from "@/lib/auth/policy";
import { arrayLiteral } from "@/lib/db/bulk";
import type { Prisma } from "@/lib/db/generated/client";

/** Every change the portal records, by what was done (each has a Vietnamese name in ./view.ts). */
export type AuditAction =
  | "assessment.adjust"
  | "assessment.submit"
  | "assessment.requestExplanations"
  | "assessment.startRound2"
  | "assessment.finalize"
  | "assessment.returnForCorrection"
  | "assessment.withdraw"
  | "assessment.extendDeadline"
  | "assessmentPeriod.open"
  | "assessmentPeriod.addAgency"
  | "assessmentPeriod.publish"
  | "criterion.create"
  | "criterion.update"
  | "criterion.delete"
  | "criterionScore.selfScore"
  | "criterionScore.explain"
  | "criterionScore.appraiseRound1"
  | "criterionScore.appraiseRound2"
  | "criterionScore.requestExplanation"
  | "criterionScore.import.self"
  | "criterionScore.import.round1"
  | "criterionScore.import.round2"
  | "criterionScore.import.survey"
  | "criterionScore.notApplicable"
  | "criterionScore.applicable"
  | "councilAssignment.add"
  | "councilAssignment.remove"
  | "directive.create"
  | "directive.update"
  | "directive.link"
  | "directive.unlink"
  | "directive.file.add"
  | "directive.file.remove"
  | "evidence.add"
  | "evidence.remove"
  | "framework.create"
  | "framework.update"
  | "framework.newVersion"
  | "framework.replaceTree"
  | "framework.setMaxPoints"
  | "framework.setGradeBands"
  | "framework.setComponents"
  | "publishedResult.create"
  | "publishedResult.update"
  | "publishedResult.import"
  | "report.submit"
  | "report.update"
  | "target.create"
  | "target.bulkCreate"
  | "target.update"
  | "target.delete"
  | "task.create"
  | "task.update"
  | "task.delete"
  | "task.progress"
  | "task.file.add"
  | "task.file.remove"
  | "user.create"
  | "user.import"
  | "user.update"
  | "user.disable"
  | "user.enable"
  | "user.delete"
  | "user.unlock"
  | "user.invite"
  | "user.resetPassword"
  | "user.setPassword"
  | "user.changePassword"
  | "agency.create"
  | "agency.import"
  | "agency.update"
  | "agency.end"
  | "agency.delete"
  | "agency.merge"
  | "agency.split"
  | "peerGroup.create"
  | "documentSettings.update"
  | "job.retry"
  | "job.run"
  | "user.locale";

/** What an audit row is about: the model changed (each has a Vietnamese name in ./view.ts). */
export type AuditEntity =
  | "Agency"
  | "Assessment"
  | "AssessmentPeriod"
  | "CouncilAssignment"
  | "Criterion"
  | "CriterionScore"
  | "DocumentSetting"
  | "Directive"
  | "DirectiveLink"
  | "Framework"
  | "Job"
  | "PeerGroup"
  | "PeriodicReport"
  | "PublishedResult"
  | "StoredFile"
  | "Target"
  | "Task"
  | "User";

export type AuditEntry = {
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string | number;
  provinceId?: number | null;
  oldValue?: unknown;
  newValue?: unknown;
};

type Tx = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/** Who made the change: a signed-in user, or a command run on the server (no user id, e.g. "create-admin"). */
export type AuditActor = Pick<Actor, "email"> & { id: number | null };

/** JSON.stringify's replacer for stored values: decimals as numbers, bigints as text. */
function plainValue(this: Record<string, unknown>, key: string, value: unknown): unknown {
  // Look at the value before toJSON(), which turns a Prisma Decimal into a string.
  const raw = this[key];
  if (typeof raw === "bigint") return raw.toString();
  if (raw && typeof raw === "object" && typeof (raw as { toFixed?: unknown }).toFixed === "function" && "d" in raw) return Number(raw);
  return value;
}

/** A value as the JSON text of an audit column (null when there is none). */
function auditText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value, plainValue);
}

/** Decimals, dates and bigints as plain JSON. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  const text = auditText(value);
  return text === null ? undefined : JSON.parse(text);
}

/** Audit rows per INSERT statement (the bulk score import writes 100,000 at once). */
export const AUDIT_ROWS_PER_STATEMENT = 10_000;

/**
 * Appends audit rows: the one writer of the audit trail, for a single change and for a 100,000-row
 * import alike. One INSERT … SELECT FROM unnest(arrays) per 10,000 rows, each column one text
 * (array literals, lib/db/bulk.ts); the old and new values travel as one text of JSON documents a
 * line each (JSON never holds a raw line break), which PostgreSQL splits and reads as jsonb: the same
 * 100,000 rows as an array parameter of jsonb took half again as long, and row-by-row inserts half a
 * minute.
 */
export async function writeAudit(tx: Tx, actor: AuditActor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  // An empty line is no JSON document: it stands for "no value".
  const lines = (values: unknown[]) => values.map((value) => auditText(value) ?? "").join("\n");
  for (let i = 0; i < list.length; i += AUDIT_ROWS_PER_STATEMENT) {
    const chunk = list.slice(i, i + AUDIT_ROWS_PER_STATEMENT);
    await tx.$executeRawUnsafe(
      `INSERT INTO audit_log (actor_id, actor_email, action, entity_type, entity_id, province_id, old_value, new_value)
       SELECT $1, $2, a.action, a.entity_type, a.entity_id, a.province_id, a.old_value::jsonb, a.new_value::jsonb
         FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], string_to_array($7, E'\\n', ''), string_to_array($8, E'\\n', ''))
           AS a(action, entity_type, entity_id, province_id, old_value, new_value)`,
      actor.id,
      actor.email,
      arrayLiteral(chunk.map((e) => e.action)),
      arrayLiteral(chunk.map((e) => e.entityType)),
      arrayLiteral(chunk.map((e) => String(e.entityId))),
      arrayLiteral(chunk.map((e) => e.provinceId ?? null)),
      lines(chunk.map((e) => e.oldValue)),
      lines(chunk.map((e) => e.newValue)),
    );
  }
}
