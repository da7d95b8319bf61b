// The accounts template and the reading of its rows (pure): a province's people — Home Affairs
// staff, leaders and agency heads — each row checked with the screens' rules, every problem as
// { row, column, message }; e-mails unique in the file.
import type { Role } from "@/lib/db/generated/enums";
import type { Issue } from "@/lib/errors";
import { codeLookup, foldText } from "@/lib/io/cells";
import type { TableRow } from "@/lib/io/table-file";
import type { Template } from "@/lib/io/template";
import { z } from "@/lib/validation/zod";
import { emailSchema } from "../schema";
import { ROLE_UNIT, unitIssues } from "../rules";

/** The roles a province brings in from a file (an administrator is created one by one). */
export const PROVINCE_ROLES = ["HOME_AFFAIRS", "LEADER", "AGENCY_HEAD"] as const satisfies readonly Role[];
/**
 * The roles' Vietnamese names as the template's drop-down list offers them and the import reads them
 * (a file's words); pages name roles from the catalogue (common.roles), kept equal by tests/unit/admin-catalogue.test.ts.
 */
export const ROLE_NAMES: Record<Role, string> = {
  ADMIN: "Quản trị hệ thống",
  HOME_AFFAIRS: "Cán bộ Sở Nội vụ",
  AGENCY_HEAD: "Thủ trưởng cơ quan, đơn vị",
  LEADER: "Lãnh đạo UBND tỉnh",
};

const ROLES_BY_TEXT = codeLookup<(typeof PROVINCE_ROLES)[number]>(PROVINCE_ROLES, ROLE_NAMES);

export const ACCOUNT_COLUMNS = ["email", "name", "phone", "role", "agency_code"] as const;

export function roleFromText(text: string): (typeof PROVINCE_ROLES)[number] | null {
  return ROLES_BY_TEXT.get(foldText(text)) ?? null;
}

export type AccountDraft = { row: number; email: string; name: string; phone: string | null; role: Role; agencyCode: string | null };

export function accountTemplate(provinceName: string, agencyCodes: readonly string[]): Template {
  return {
    sheetName: "Tài khoản",
    instructions: [
      `Tài khoản của ${provinceName}: cán bộ Sở Nội vụ, lãnh đạo UBND tỉnh và thủ trưởng các cơ quan, đơn vị — mỗi dòng một người.`,
      'Điền từ dòng 2 của trang "Tài khoản", giữ nguyên dòng tiêu đề. Nhập thử (kiểm tra) trước: nếu có lỗi, không dòng nào được ghi.',
      "Mỗi tài khoản mới nhận một đường liên kết mời (hiệu lực 72 giờ) để tự đặt mật khẩu; trang kết quả cho tải danh sách email → đường liên kết.",
      'Nhập cơ quan, đơn vị trước (mẫu "Cơ quan"): mã cơ quan của thủ trưởng phải có trong tỉnh.',
    ],
    columns: [
      { name: "email", help: "Email công vụ, dùng để đăng nhập; mỗi người một email.", required: true, width: 30 },
      { name: "name", help: "Họ và tên.", required: true, width: 28 },
      { name: "phone", help: "Số điện thoại (không bắt buộc).", required: false, width: 16 },
      {
        name: "role",
        help: `Vai trò: ${PROVINCE_ROLES.map((r) => ROLE_NAMES[r]).join("; ")}.`,
        required: true,
        choices: PROVINCE_ROLES.map((r) => ROLE_NAMES[r]),
        width: 28,
      },
      {
        name: "agency_code",
        help: "Mã cơ quan của thủ trưởng cơ quan, đơn vị; để trống với cán bộ Sở Nội vụ và lãnh đạo UBND tỉnh.",
        required: false,
        choices: agencyCodes.length ? agencyCodes : undefined,
        width: 16,
      },
    ],
  };
}

const nameSchema = z.string().trim().min(1, "Nhập họ và tên.").max(200, "Họ và tên tối đa 200 ký tự.");
const phoneSchema = z
  .string()
  .trim()
  .max(30, "Số điện thoại tối đa 30 ký tự.")
  .refine((t) => t === "" || /^\+?[\d .()-]{6,30}$/.test(t), "Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang.");

export function readAccountRows(columns: readonly string[], rows: readonly TableRow[]): { drafts: AccountDraft[]; issues: Issue[] } {
  const missing = ["email", "name", "role"].filter((c) => !columns.includes(c));
  if (missing.length)
    return {
      drafts: [],
      issues: [{ row: 1, message: `Thiếu cột ${missing.join(", ")}: dùng mẫu tải từ trang Tài khoản (dòng tiêu đề ${ACCOUNT_COLUMNS.join(", ")}).` }],
    };
  if (rows.length === 0) return { drafts: [], issues: [{ row: 2, message: "Tệp không có dòng dữ liệu nào: điền từ dòng 2." }] };
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
    if (!role) issues.push({ row, column: "role", message: `Vai trò: chọn ${PROVINCE_ROLES.map((r) => ROLE_NAMES[r]).join("; ")}.` });
    else {
      // The province is the import's; only the agency is the row's.
      const unit = unitIssues({ role, provinceGiven: ROLE_UNIT[role] === "province", agencyGiven: agencyCode !== null });
      for (const issue of unit) issues.push({ row, column: "agency_code", message: issue.message.replace("Chọn cơ quan, đơn vị", "Nhập mã cơ quan, đơn vị") });
    }
    if (email.success) {
      const first = seen.get(email.data);
      if (first) issues.push({ row, column: "email", message: `Email ${email.data} trùng với dòng ${first}.` });
      else seen.set(email.data, row);
    }
    if (issues.length === before && email.success && name.success && phone.success && role) {
      drafts.push({ row, email: email.data, name: name.data.replace(/\s+/g, " "), phone: phone.data || null, role, agencyCode });
    }
  }
  return { drafts, issues };
}
