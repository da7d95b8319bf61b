// How an audit row reads: the names of the actions and entities (errors.audit, in the request's language), and the old → new values
// as a list of changed fields (with the unchanged ones that say what was changed, e.g. the
// criterion's code). Pure: the page, the export and the tests share it.
import { catalogueRecord, libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import type { AuditEntity } from "./log";

/** Every kind of row the log records (ENTITY_LABELS's type fails when lib/audit/log.ts gains one not listed). */
export const AUDIT_ENTITIES = [
  "Agency",
  "Assessment",
  "AssessmentPeriod",
  "CouncilAssignment",
  "Criterion",
  "CriterionScore",
  "DocumentSetting",
  "Directive",
  "DirectiveLink",
  "Framework",
  "Job",
  "PeerGroup",
  "PeriodicReport",
  "PublishedResult",
  "StoredFile",
  "Target",
  "Task",
  "User",
] as const satisfies readonly AuditEntity[];
const entityKey = (entity: AuditEntity) => `${entity[0].toLowerCase()}${entity.slice(1)}` as Uncapitalize<AuditEntity>;

/** The names of the kinds of rows, in the request's language (errors.audit.entities). */
export const ENTITY_LABELS: Readonly<Record<AuditEntity, string>> = catalogueRecord(AUDIT_ENTITIES, (entity) =>
  libTranslator("errors.audit.entities")(entityKey(entity)),
);

/** "Tự chấm điểm", or the action's code when it has no name yet. */
export function actionLabel(action: string): string {
  const t = libTranslator("errors.audit.actions");
  // The anchors only spare the lookup: t.has refuses a key with any other character (Stryker's mutants without them are equivalent).
  return /^[a-zA-Z0-9.]+$/.test(action) && t.has(action as "user.create") ? t(action as "user.create") : action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType as AuditEntity] ?? entityType;
}

export type FieldChange = { field: string; old: string; new: string };
export type AuditChanges = { changes: FieldChange[]; context: { field: string; value: string }[] };

const MAX_TEXT = 300;

/** A stored value as a person reads it: (trống), 1,5, 2026, có/không, text (shortened), or compact JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return libTranslator("errors.audit")("empty");
  // Years and ids as written (2026, not 2.026); points with a decimal comma (1,5).
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : libFormat().points(value);
  if (typeof value === "boolean") return libTranslator("errors.audit")(value ? "yes" : "no");
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Nested objects as "a.b" fields, one level down (deeper values are shown as JSON). */
function fields(value: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isRecord(value)) {
    if (value !== null && value !== undefined) out.set("", value);
    return out;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (isRecord(inner) && Object.keys(inner).length > 0) for (const [k, v] of Object.entries(inner)) out.set(`${key}.${k}`, v);
    else out.set(key, inner);
  }
  return out;
}

/** The fields whose value changed (old → new), and the unchanged ones, which say what the row is about. */
export function auditChanges(oldValue: unknown, newValue: unknown): AuditChanges {
  const before = fields(oldValue);
  const after = fields(newValue);
  const names = [...new Set([...before.keys(), ...after.keys()])];
  const changes: FieldChange[] = [];
  const context: AuditChanges["context"] = [];
  for (const name of names) {
    const [a, b] = [before.get(name), after.get(name)];
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) context.push({ field: name, value: showValue(b) });
    else changes.push({ field: name, old: showValue(a), new: showValue(b) });
  }
  return { changes, context };
}

/** One line per change, for the exported file: "selfScore: (trống) → 1,5; …". */
export function changesText(changes: AuditChanges): string {
  return changes.changes.map((c) => `${c.field || libTranslator("errors.audit")("value")}: ${c.old} → ${c.new}`).join("; ");
}
