// The audit trail: who changed what, when, with the old and the new value. Every mutation in lib
// writes it inside its own transaction, so a change and its audit row commit or fail together.
import type { Actor } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditEntry = {
  action: string; // e.g. "criterionScore.selfScore", "publishedResult.import"
  entityType: string; // the model, e.g. "CriterionScore"
  entityId: string | number;
  provinceId?: number | null;
  oldValue?: unknown;
  newValue?: unknown;
};

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

/** Decimals, dates and bigints as plain JSON. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v) => {
      if (typeof v === "bigint") return v.toString();
      if (v && typeof v === "object" && typeof (v as { toFixed?: unknown }).toFixed === "function" && "d" in v) return Number(v);
      return v;
    }),
  );
}

export async function writeAudit(tx: Tx, actor: Pick<Actor, "id" | "email">, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.auditLog.createMany({
    data: list.map((entry) => ({
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      provinceId: entry.provinceId ?? null,
      oldValue: auditJson(entry.oldValue),
      newValue: auditJson(entry.newValue),
    })),
  });
}
