// The accounts template and the reading of its rows (pure): a province's people — Home Affairs
// staff, leaders and agency heads — each row checked with the screens' rules, every problem as
// { row, column, message }; e-mails unique in the file.
import type { Role } from "@/lib/db/generated/enums";
import type { Issue } from "@/lib/errors";
import { codeLookup, foldText } from "@/lib/io/cells";
import type { TableRow } from "@/lib/io/table-file";
import type { Template } from "@/lib/io/template";
import { z } from "@/lib/validation/zod";
import enCommon from "@/lib/i18n/messages/en/common.json";
import viCommon from "@/lib/i18n/messages/vi/common.json";
import { messageLocale } from "@/lib/i18n/message-locale";
import { emailSchema } from "../schema";
import { ROLE_UNIT, unitIssues } from "../rules";
import { libTranslator } from "@/lib/i18n/lib-translator";

/** The roles a province brings in from a file (an administrator is created one by one). */
export const PROVINCE_ROLES = ["HOME_AFFAIRS", "LEADER", "AGENCY_HEAD"] as const satisfies readonly Role[];
/**
 * The roles' Vietnamese names, the pages' words (common.roles): the template's drop-down list offers
 * them in the request's language and the import reads a role in either language.
 */
export const ROLE_NAMES: Record<Role, string> = viCommon.roles;
const roleNames = (): Record<Role, string> => (messageLocale() === "en" ? enCommon.roles : viCommon.roles);

const ROLES_BY_TEXT = new Map([
  ...codeLookup<(typeof PROVINCE_ROLES)[number]>(PROVINCE_ROLES, viCommon.roles),
  ...codeLookup<(typeof PROVINCE_ROLES)[number]>(PROVINCE_ROLES, enCommon.roles),
]);

export const ACCOUNT_COLUMNS = ["email", "name", "phone", "role", "agency_code"] as const;

export function roleFromText(text: string): (typeof PROVINCE_ROLES)[number] | null {
  return ROLES_BY_TEXT.get(foldText(text)) ?? null;
}

export type AccountDraft = { row: number; email: string; name: string; phone: string | null; role: Role; agencyCode: string | null };

/** The template in the request's language (the import reads either). */
export function accountTemplate(provinceName: string, agencyCodes: readonly string[]): Template {
  const t = libTranslator("errors.accounts.import");
  const roles = PROVINCE_ROLES.map((r) => roleNames()[r]);
  return {
    sheetName: t("sheet"),
    instructions: [t("intro", { province: provinceName }), t("fill"), t("invite"), t("agenciesFirst")],
    columns: [
      { name: "email", help: t("helpEmail"), required: true, width: 30 },
      { name: "name", help: t("helpName"), required: true, width: 28 },
      { name: "phone", help: t("helpPhone"), required: false, width: 16 },
      { name: "role", help: t("helpRole", { roles: roles.join("; ") }), required: true, choices: roles, width: 28 },
      {
        name: "agency_code",
        help: t("helpAgencyCode"),
        required: false,
        choices: agencyCodes.length ? agencyCodes : undefined,
        width: 16,
      },
    ],
  };
}

// Worded when a row is checked, in the language of that request.
const nameSchema = z
  .string()
  .trim()
  .min(1, { error: () => libTranslator("errors.accounts.import")("nameRequired") })
  .max(200, { error: () => libTranslator("errors.accounts.import")("nameTooLong") });
const phoneSchema = z
  .string()
  .trim()
  .max(30, { error: () => libTranslator("errors.accounts")("phoneTooLong") })
  .refine((t) => t === "" || /^\+?[\d .()-]{6,30}$/.test(t), { error: () => libTranslator("errors.accounts")("phoneCharsShort") });

export function readAccountRows(columns: readonly string[], rows: readonly TableRow[]): { drafts: AccountDraft[]; issues: Issue[] } {
  const t = libTranslator("errors.accounts.import");
  const missing = ["email", "name", "role"].filter((c) => !columns.includes(c));
  if (missing.length)
    return {
      drafts: [],
      issues: [{ row: 1, message: t("missingColumns", { columns: missing.join(", "), header: ACCOUNT_COLUMNS.join(", ") }) }],
    };
  if (rows.length === 0) return { drafts: [], issues: [{ row: 2, message: t("noRows") }] };
  const issues: Issue[] = [];
  const drafts: AccountDraft[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const before = issues.length;
    const email = emailSchema.safeParse(values.email ?? "");
    const name = nameSchema.safeParse(values.name ?? "");
    const phone = phoneSchema.safeParse(values.phone ?? "");
    const role = roleFromText(values.role ?? "");
    const agencyCode = (values.agency_code ?? "").trim().toUpperCase() || null;
    if (!email.success) issues.push({ row, column: "email", message: email.error.issues[0].message });
    if (!name.success) issues.push({ row, column: "name", message: name.error.issues[0].message });
    if (!phone.success) issues.push({ row, column: "phone", message: phone.error.issues[0].message });
    if (!role) issues.push({ row, column: "role", message: t("roleChoose", { roles: PROVINCE_ROLES.map((r) => roleNames()[r]).join("; ") }) });
    else {
      // The province is the import's; only the agency is the row's.
      const unit = unitIssues({ role, provinceGiven: ROLE_UNIT[role] === "province", agencyGiven: agencyCode !== null }, true);
      for (const issue of unit) issues.push({ row, column: "agency_code", message: issue.message });
    }
    if (email.success) {
      const first = seen.get(email.data);
      if (first) issues.push({ row, column: "email", message: t("emailTwice", { email: email.data, row: first }) });
      else seen.set(email.data, row);
    }
    if (issues.length === before && email.success && name.success && phone.success && role) {
      drafts.push({ row, email: email.data, name: name.data.replace(/\s+/g, " "), phone: phone.data || null, role, agencyCode });
    }
  }
  return { drafts, issues };
}
