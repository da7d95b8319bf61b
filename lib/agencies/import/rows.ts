// The agencies template and the reading of its rows (pure): each row checked with the screens'
// schema, every problem as { row, column, message }; codes unique in the file.
import type { Issue } from "@/lib/errors";
import { dayFromCell } from "@/lib/io/cells";
import type { TableRow } from "@/lib/io/table-file";
import type { Template } from "@/lib/io/template";
import type { z } from "@/lib/validation/zod";
import { AGENCY_KINDS, agencyKindNames, kindFromText } from "../rules";
import { agencyFieldsSchema } from "../schema";
import { libTranslator } from "@/lib/i18n/lib-translator";

export const AGENCY_COLUMNS = ["code", "name", "short_name", "kind", "peer_group", "contact_email", "contact_phone", "valid_from"] as const;
const FIELD_COLUMN: Record<string, (typeof AGENCY_COLUMNS)[number]> = {
  code: "code",
  name: "name",
  shortName: "short_name",
  kind: "kind",
  peerGroup: "peer_group",
  contactEmail: "contact_email",
  contactPhone: "contact_phone",
};

export type AgencyDraft = { row: number; fields: z.output<typeof agencyFieldsSchema>; validFrom: string | null };

/** The template in the request's language (the import reads either language's kinds). */
export function agencyTemplate(provinceName: string, peerGroups: readonly string[]): Template {
  const t = libTranslator("errors.agencies.import");
  const kinds = AGENCY_KINDS.map((k) => agencyKindNames()[k]);
  return {
    sheetName: t("sheet"),
    instructions: [t("intro", { province: provinceName }), t("fill"), t("update")],
    columns: [
      { name: "code", help: t("helpCode"), required: true, width: 14 },
      { name: "name", help: t("helpName"), required: true, width: 40 },
      { name: "short_name", help: t("helpShortName"), required: false, width: 16 },
      { name: "kind", help: t("helpKind", { kinds: kinds.join("; ") }), required: true, choices: kinds, width: 18 },
      {
        name: "peer_group",
        help: t("helpPeerGroup"),
        required: false,
        choices: peerGroups.length ? peerGroups : undefined,
        width: 20,
      },
      { name: "contact_email", help: t("helpEmail"), required: false, width: 26 },
      { name: "contact_phone", help: t("helpPhone"), required: false, width: 16 },
      { name: "valid_from", help: t("helpValidFrom"), required: false, width: 14 },
    ],
    examples: [],
  };
}

export function readAgencyRows(columns: readonly string[], rows: readonly TableRow[]): { drafts: AgencyDraft[]; issues: Issue[] } {
  const t = libTranslator("errors.agencies.import");
  const issues: Issue[] = [];
  const missing = ["code", "name", "kind"].filter((c) => !columns.includes(c));
  if (missing.length)
    return {
      drafts: [],
      issues: [{ row: 1, message: t("missingColumns", { columns: missing.join(", "), header: AGENCY_COLUMNS.join(", ") }) }],
    };
  if (rows.length === 0) return { drafts: [], issues: [{ row: 2, message: t("noRows") }] };
  const drafts: AgencyDraft[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const kindText = values.kind ?? "";
    const kind = kindFromText(kindText);
    const parsed = agencyFieldsSchema.safeParse({
      code: values.code ?? "",
      name: values.name ?? "",
      shortName: values.short_name ?? "",
      kind: kind ?? kindText,
      peerGroup: values.peer_group ?? "",
      contactEmail: values.contact_email ?? "",
      contactPhone: values.contact_phone ?? "",
    });
    const validFrom = dayFromCell(values.valid_from ?? "");
    if (validFrom === undefined) issues.push({ row, column: "valid_from", message: t("badDay") });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ row, column: FIELD_COLUMN[String(issue.path[0])] ?? String(issue.path[0]), message: issue.message });
      continue;
    }
    const first = seen.get(parsed.data.code);
    if (first) issues.push({ row, column: "code", message: t("codeTwice", { code: parsed.data.code, row: first }) });
    else seen.set(parsed.data.code, row);
    if (validFrom !== undefined) drafts.push({ row, fields: parsed.data, validFrom });
  }
  return { drafts, issues };
}
