// Import of a province's agencies from the template (XLSX or CSV): all or nothing, a dry run
// lists what would be added, updated or left, and every row is checked with the screens' rules.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { ValidationError, type Issue } from "@/lib/errors";
import { readTable, tableFormatOf } from "@/lib/io/table-file";
import { templateWorkbook } from "@/lib/io/template";
import type { Upload } from "@/lib/io/upload";
import { today } from "@/lib/accounts/queries";
import { agencySnapshot, peerGroupId } from "../mutations";
import { managedProvince } from "../queries";
import type { AgencyImportOutcome, ImportChange } from "../types";
import { agencyTemplate, readAgencyRows } from "./rows";
import { libTranslator } from "@/lib/i18n/lib-translator";

/** The template to fill, with the province's peer groups in its drop-down list. */
export async function agencyTemplateFile(actor: Actor, provinceCode: string | null | undefined) {
  const province = await managedProvince(actor, provinceCode);
  const groups = await db.peerGroup.findMany({ where: { provinceId: province.id }, orderBy: { name: "asc" } });
  const body = await templateWorkbook(
    agencyTemplate(
      province.nameVi,
      groups.map((g) => g.name),
    ),
  );
  return { body, fileName: `mau-co-quan-${province.code}.xlsx` };
}

export async function importAgencies(actor: Actor, file: Upload, options: { dryRun: boolean; province?: string | null }): Promise<AgencyImportOutcome> {
  const province = await managedProvince(actor, options.province);
  const table = await readTable(file.bytes, tableFormatOf(file.name));
  const { drafts, issues } = readAgencyRows(table.columns, table.rows);
  const existing = new Map(
    (await db.agency.findMany({ where: { provinceId: province.id, code: { in: drafts.map((d) => d.fields.code) } }, include: { peerGroup: true } })).map(
      (a) => [a.code, a],
    ),
  );
  const planned = drafts.map((draft) => {
    const current = existing.get(draft.fields.code);
    if (!current) return { draft, current: null, change: "new" as ImportChange };
    const before = agencySnapshot(current);
    const f = draft.fields;
    const same =
      before.name === f.name &&
      before.shortName === f.shortName &&
      before.kind === f.kind &&
      before.peerGroup === f.peerGroup &&
      before.contactEmail === f.contactEmail &&
      before.contactPhone === f.contactPhone;
    return { draft, current, change: (same ? "unchanged" : "updated") as ImportChange };
  });
  const ended = planned.filter((p) => p.current?.validTo);
  const allIssues: Issue[] = [
    ...issues,
    ...ended.map((p) => ({ row: p.draft.row, column: "code", message: libTranslator("errors.agencies.import")("endedCode", { code: p.draft.fields.code }) })),
  ];
  if (allIssues.length) throw new ValidationError(allIssues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));

  const summary = { new: 0, updated: 0, unchanged: 0 };
  for (const p of planned) summary[p.change]++;
  const outcome: AgencyImportOutcome = {
    dryRun: options.dryRun,
    province: { code: province.code, name: province.nameVi },
    summary,
    rows: planned.map((p) => ({ row: p.draft.row, code: p.draft.fields.code, name: p.draft.fields.name, change: p.change })),
  };
  if (options.dryRun) return outcome;

  await db.$transaction(
    async (tx) => {
      for (const { draft, current, change } of planned) {
        if (change === "unchanged") continue;
        const { peerGroup, ...fields } = draft.fields;
        const peer = await peerGroupId(tx, actor, province.id, peerGroup);
        if (!current) {
          const validFrom = draft.validFrom ? new Date(`${draft.validFrom}T00:00:00Z`) : today();
          const created = await tx.agency.create({ data: { ...fields, provinceId: province.id, validFrom, peerGroupId: peer }, include: { peerGroup: true } });
          await writeAudit(tx, actor, {
            action: "agency.import",
            entityType: "Agency",
            entityId: created.id,
            provinceId: province.id,
            newValue: agencySnapshot(created),
          });
        } else {
          const updated = await tx.agency.update({
            where: { id: current.id },
            data: { ...fields, peerGroupId: peer, version: { increment: 1 } },
            include: { peerGroup: true },
          });
          await writeAudit(tx, actor, {
            action: "agency.import",
            entityType: "Agency",
            entityId: current.id,
            provinceId: province.id,
            oldValue: agencySnapshot(current),
            newValue: agencySnapshot(updated),
          });
        }
      }
    },
    { timeout: 60_000 },
  );
  return outcome;
}
