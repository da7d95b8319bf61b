// Saving what a province's documents print: Home Affairs of the province (or an administrator),
// under the version the form read, audited with the fields that changed.
import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { isUniqueViolation, nextVersion, writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, parseInput } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { editableSettings } from "./queries";
import { documentSettingsSchema } from "./schema";
import type { StoredSettings } from "./types";

const flat = (s: StoredSettings) => ({ ...s, symbols: JSON.stringify(s.symbols) });

export async function saveDocumentSettings(actor: Actor, raw: unknown) {
  const { provinceId, version, ...input } = parseInput(documentSettingsSchema, raw);
  authorize(actor, "documents.configure", { provinceId });
  const before = await editableSettings(provinceId);
  const conflict = () => new ConflictError(libTranslator("errors.documents.settings")("conflict"), before.settings);
  if (before.version !== version) throw conflict();
  const old: StoredSettings = {
    peoplesCommittee: before.settings.peoplesCommittee,
    homeAffairs: before.settings.homeAffairs,
    place: before.settings.place,
    chairmanTitle: before.settings.chairman.title,
    chairmanName: before.settings.chairman.name,
    directorTitle: before.settings.director.title,
    directorName: before.settings.director.name,
    archiveUnit: before.settings.archiveUnit,
    symbols: before.settings.symbols,
  };
  try {
    await db.$transaction(async (tx) => {
      if (version === 0) await tx.documentSetting.create({ data: { provinceId, ...input } });
      else
        await writeVersioned({ provinceId, version }, (where) => tx.documentSetting.updateMany({ where, data: nextVersion(input) }), {
          current: () => tx.documentSetting.findUnique({ where: { provinceId } }),
          conflict: (now) => new ConflictError(libTranslator("errors.documents.settings")("conflict"), now),
        });
      const [a, b] = [flat(old), flat(input)];
      const changed = (Object.keys(a) as (keyof typeof a)[]).filter((k) => a[k] !== b[k]);
      if (changed.length)
        await writeAudit(tx, actor, {
          action: "documentSettings.update",
          entityType: "DocumentSetting",
          entityId: provinceId,
          provinceId,
          oldValue: Object.fromEntries(changed.map((k) => [k, old[k]])),
          newValue: Object.fromEntries(changed.map((k) => [k, input[k]])),
        });
    });
  } catch (error) {
    // Two first saves at once: the second finds the row the first created.
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
  return { provinceName: before.provinceName };
}
