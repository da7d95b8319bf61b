// Files attached to data: a directive's attachments, a task's and a criterion score's evidence. The
// bytes go to the store (./files.ts), the row and its audit entry to the database in one
// transaction; the bytes are removed again when the row cannot be written, and once it is deleted.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { writeAudit, type AuditAction } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import type { Upload } from "@/lib/io/upload";
import { removeStored, storeEvidence } from "./files";

type Owner = { directiveId: number } | { taskId: number } | { criterionScoreId: number };
/** The audit row's action and unit, and what the file belongs to (shown beside its name). */
type Audit = { action: AuditAction; provinceId: number | null; what: Record<string, unknown> };

export async function attachFile(actor: Actor, file: Upload, owner: Owner, audit: Audit) {
  const blob = await storeEvidence(file.name, file.bytes);
  try {
    return await db.$transaction(async (tx) => {
      const stored = await tx.storedFile.create({ data: { ...blob, uploadedById: actor.id, ...owner } });
      await writeAudit(tx, actor, {
        action: audit.action,
        entityType: "StoredFile",
        entityId: stored.id,
        provinceId: audit.provinceId,
        newValue: { fileName: blob.fileName, sha256: blob.sha256, sizeBytes: blob.sizeBytes, ...audit.what },
      });
      return stored;
    });
  } catch (error) {
    await removeStored(blob.storageKey);
    throw error;
  }
}

export async function detachFile(actor: Actor, file: { id: number; storageKey: string; fileName: string; sha256: string }, audit: Audit): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.storedFile.delete({ where: { id: file.id } });
    await writeAudit(tx, actor, {
      action: audit.action,
      entityType: "StoredFile",
      entityId: file.id,
      provinceId: audit.provinceId,
      oldValue: { fileName: file.fileName, sha256: file.sha256, ...audit.what },
    });
  });
  await removeStored(file.storageKey);
}
