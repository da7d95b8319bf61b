// The agencies template and the reading of its rows (pure): each row checked with the screens'
// schema, every problem as { row, column, message }; codes unique in the file.
import type { Issue } from "@/lib/errors";
import { dayFromCell } from "@/lib/io/cells";
import type { TableRow } from "@/lib/io/table-file";
import type { Template } from "@/lib/io/template";
import type { z } from "@/lib/validation/zod";
import { AGENCY_KIND_NAMES, AGENCY_KINDS, kindFromText } from "../rules";
import { agencyFieldsSchema } from "../schema";

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

export function agencyTemplate(provinceName: string, peerGroups: readonly string[]): Template {
  return {
    sheetName: "Cơ quan",
    instructions: [
      `Danh sách cơ quan, đơn vị của ${provinceName}: mỗi dòng một sở, ban, ngành, UBND xã, phường hoặc đặc khu.`,
      'Điền từ dòng 2 của trang "Cơ quan", giữ nguyên dòng tiêu đề. Nhập thử (kiểm tra) trước: nếu có lỗi, không dòng nào được ghi; sửa theo danh sách lỗi (dòng, cột, nội dung) rồi nhập lại.',
      "Mã đã có trong tỉnh: dòng đó cập nhật cơ quan có mã ấy (tên, loại, nhóm so sánh, liên hệ); mã mới: thêm cơ quan mới.",
    ],
    columns: [
      { name: "code", help: "Mã cơ quan, duy nhất trong tỉnh: chữ không dấu, chữ số, dấu chấm, gạch ngang (ví dụ STP, XA-001).", required: true, width: 14 },
      { name: "name", help: "Tên đầy đủ, ví dụ Sở Tư pháp, UBND xã Tân Hiệp.", required: true, width: 40 },
      { name: "short_name", help: "Tên viết tắt (không bắt buộc).", required: false, width: 16 },
      {
        name: "kind",
        help: `Loại: ${AGENCY_KINDS.map((k) => AGENCY_KIND_NAMES[k]).join("; ")}.`,
        required: true,
        choices: AGENCY_KINDS.map((k) => AGENCY_KIND_NAMES[k]),
        width: 18,
      },
      {
        name: "peer_group",
        help: "Nhóm so sánh: các cơ quan cùng nhóm được xếp hạng với nhau (ví dụ Sở, ban, ngành; Xã; Phường). Nhóm mới được tạo khi nhập.",
        required: false,
        choices: peerGroups.length ? peerGroups : undefined,
        width: 20,
      },
      { name: "contact_email", help: "Email liên hệ của cơ quan.", required: false, width: 26 },
      { name: "contact_phone", help: "Điện thoại liên hệ.", required: false, width: 16 },
      { name: "valid_from", help: "Hoạt động từ ngày (dd/mm/yyyy); để trống: từ hôm nay.", required: false, width: 14 },
    ],
    examples: [],
  };
}

export function readAgencyRows(columns: readonly string[], rows: readonly TableRow[]): { drafts: AgencyDraft[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const missing = ["code", "name", "kind"].filter((c) => !columns.includes(c));
  if (missing.length)
    return {
      drafts: [],
      issues: [{ row: 1, message: `Thiếu cột ${missing.join(", ")}: dùng mẫu tải từ trang Cơ quan, đơn vị (dòng tiêu đề ${AGENCY_COLUMNS.join(", ")}).` }],
    };
  if (rows.length === 0) return { drafts: [], issues: [{ row: 2, message: "Tệp không có dòng dữ liệu nào: điền từ dòng 2." }] };
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
    if (validFrom === undefined) issues.push({ row, column: "valid_from", message: "Ngày không đúng: nhập dd/mm/yyyy, ví dụ 01/07/2025." });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ row, column: FIELD_COLUMN[String(issue.path[0])] ?? String(issue.path[0]), message: issue.message });
      continue;
    }
    const first = seen.get(parsed.data.code);
    if (first) issues.push({ row, column: "code", message: `Mã ${parsed.data.code} trùng với dòng ${first}.` });
    else seen.set(parsed.data.code, row);
    if (validFrom !== undefined) drafts.push({ row, fields: parsed.data, validFrom });
  }
  return { drafts, issues };
}
