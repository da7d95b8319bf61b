// Import of a province's accounts from the template: all or nothing, a dry run first; each new
// account gets an invitation link (no password is hashed: 300 accounts take about a second, not
// minutes of argon2). An e-mail already registered with the same name, role and unit is left as it
// is, so the same file can be imported again; anything else about it is an error of its row.
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { ValidationError, type Issue } from "@/lib/errors";
import { readTable, tableFormatOf, writeXlsx } from "@/lib/io/table-file";
import { templateWorkbook } from "@/lib/io/template";
import type { Upload } from "@/lib/io/upload";
import { inForceOn } from "@/lib/units/queries";
import { issuePasswordLinks } from "../passwords/mutations";
import { provinceByCode, today } from "../queries";
import { accountScope, ROLE_UNIT, unitKey } from "../rules";
import type { AccountImportOutcome } from "../types";
import { accountTemplate, readAccountRows } from "./rows";
import { libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.accounts.import");

/** The province an import is about (an administrator names it; Home Affairs staff: their own), authorized for accounts there. */
async function importProvince(actor: Actor, code: string | null | undefined) {
  let provinceId = actor.provinceId;
  if (code) {
    const found = await provinceByCode(code, "province");
    if ("message" in found) throw new ValidationError([found]);
    provinceId = found.id;
  }
  authorize(actor, "user.manage", { provinceId });
  if (provinceId === null) throw new ValidationError([{ field: "province", message: t()("chooseProvince") }]);
  return db.province.findUniqueOrThrow({ where: { id: provinceId } });
}

export async function accountTemplateFile(actor: Actor, provinceCode: string | null | undefined) {
  const province = await importProvince(actor, provinceCode);
  const agencies = await db.agency.findMany({ where: { provinceId: province.id, ...inForceOn(today()) }, select: { code: true }, orderBy: { code: "asc" } });
  const body = await templateWorkbook(
    accountTemplate(
      province.nameVi,
      agencies.map((a) => a.code),
    ),
  );
  return { body, fileName: `mau-tai-khoan-${province.code}.xlsx` };
}

export async function importAccounts(actor: Actor, file: Upload, options: { dryRun: boolean; province?: string | null }): Promise<AccountImportOutcome> {
  const province = await importProvince(actor, options.province);
  const table = await readTable(file.bytes, tableFormatOf(file.name));
  const { drafts, issues } = readAccountRows(table.columns, table.rows);
  const [agencies, existing] = await Promise.all([
    db.agency.findMany({ where: { provinceId: province.id, ...inForceOn(today()) }, select: { id: true, code: true } }),
    db.user.findMany({ where: { email: { in: drafts.map((d) => d.email) } } }),
  ]);
  const agencyByCode = new Map(agencies.map((a) => [a.code, a.id]));
  const userByEmail = new Map(existing.map((u) => [u.email, u]));
  const all: Issue[] = [...issues];
  type Planned = {
    draft: (typeof drafts)[number];
    unit: { role: (typeof drafts)[number]["role"]; provinceId: number; agencyId: number | null };
    change: "new" | "unchanged";
  };
  const planned = drafts.flatMap((draft): Planned[] => {
    const agencyId = draft.agencyCode ? agencyByCode.get(draft.agencyCode) : null;
    if (agencyId === undefined) {
      all.push({
        row: draft.row,
        column: "agency_code",
        message: t()("agencyCodeUnknown", { code: draft.agencyCode ?? "", province: province.nameVi }),
      });
      return [];
    }
    const unit = { role: draft.role, provinceId: province.id, agencyId: ROLE_UNIT[draft.role] === "agency" ? agencyId : null };
    const current = userByEmail.get(draft.email);
    if (current) {
      const same = current.name === draft.name && unitKey(current) === unitKey(unit);
      if (!same)
        all.push({
          row: draft.row,
          column: "email",
          message: t()("emailTakenOther", { email: draft.email }),
        });
      return same ? [{ draft, unit, change: "unchanged" }] : [];
    }
    return [{ draft, unit, change: "new" }];
  });
  // Every account of the file lies in the province the import is authorized on.
  for (const p of planned) authorize(actor, "user.manage", accountScope(p.unit));
  if (all.length) throw new ValidationError(all.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));

  const fresh = planned.filter((p) => p.change === "new");
  const outcome: AccountImportOutcome = {
    dryRun: options.dryRun,
    province: { code: province.code, name: province.nameVi },
    summary: { new: fresh.length, unchanged: planned.length - fresh.length },
    rows: planned.map((p) => ({ row: p.draft.row, email: p.draft.email, name: p.draft.name, change: p.change })),
    invitations: [],
  };
  if (options.dryRun || fresh.length === 0) return outcome;

  outcome.invitations = await db.$transaction(
    async (tx) => {
      const created = await tx.user.createManyAndReturn({
        data: fresh.map(({ draft, unit }) => ({ email: draft.email, name: draft.name, phone: draft.phone, ...unit, passwordHash: null })),
      });
      await writeAudit(
        tx,
        actor,
        created.map((u) => ({
          action: "user.import" as const,
          entityType: "User" as const,
          entityId: u.id,
          provinceId: u.provinceId,
          newValue: { email: u.email, name: u.name, phone: u.phone, role: u.role, provinceId: u.provinceId, agencyId: u.agencyId },
        })),
      );
      const links = await issuePasswordLinks(tx, actor, created, "INVITE");
      return created.map((u, i) => ({ email: u.email, name: u.name, invitation: links[i] }));
    },
    { timeout: 60_000 },
  );
  return outcome;
}

/** The invitations of an import as a sheet to hand out (email → link). */
export function invitationsWorkbook(invitations: AccountImportOutcome["invitations"], origin: string): Promise<Buffer> {
  const rows = invitations.map((i) => [i.email, i.name, `${origin}${i.invitation.path}`, i.invitation.expiresAt.toISOString()]);
  return writeXlsx(t()("linksSheet"), ["email", "name", "link", "expires_at"], rows);
}
