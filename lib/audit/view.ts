// How an audit row reads: Vietnamese names of the actions and entities, and the old → new values
// as a list of changed fields (with the unchanged ones that say what was changed, e.g. the
// criterion's code). Pure: the page, the export and the tests share it.
import { formatPoints } from "@/lib/format";
import type { AuditAction, AuditEntity } from "./log";

export const ENTITY_LABELS: Record<AuditEntity, string> = {
  Agency: "Cơ quan, đơn vị",
  Assessment: "Phiếu đánh giá",
  AssessmentPeriod: "Kỳ đánh giá",
  Criterion: "Tiêu chí",
  CriterionScore: "Điểm tiêu chí",
  DocumentSetting: "Thông tin in trên văn bản",
  Directive: "Văn bản chỉ đạo",
  DirectiveLink: "Liên kết văn bản",
  Framework: "Bộ chỉ số",
  Job: "Tác vụ nền",
  PeerGroup: "Nhóm so sánh",
  PeriodicReport: "Báo cáo định kỳ",
  PublishedResult: "Kết quả công bố",
  StoredFile: "Tệp đính kèm, minh chứng",
  Target: "Chỉ tiêu",
  Task: "Nhiệm vụ",
  User: "Tài khoản",
};

const ACTION_LABELS: Record<AuditAction, string> = {
  "assessment.adjust": "Nhập điểm thưởng, điểm trừ",
  "assessment.submit": "Nộp phiếu tự chấm",
  "assessment.requestExplanations": "Gửi yêu cầu giải trình",
  "assessment.startRound2": "Mở thẩm định vòng 2",
  "assessment.finalize": "Chốt điểm",
  "assessment.returnForCorrection": "Trả phiếu để chỉnh sửa",
  "assessment.withdraw": "Rút phiếu đã nộp",
  "assessment.extendDeadline": "Gia hạn tự chấm điểm",
  "assessmentPeriod.open": "Mở kỳ đánh giá",
  "assessmentPeriod.addAgency": "Thêm cơ quan vào kỳ đánh giá",
  "assessmentPeriod.publish": "Công bố kết quả kỳ đánh giá",
  "criterion.create": "Thêm tiêu chí",
  "criterion.update": "Sửa tiêu chí",
  "criterion.delete": "Xóa tiêu chí",
  "criterionScore.selfScore": "Tự chấm điểm",
  "criterionScore.explain": "Giải trình",
  "criterionScore.appraiseRound1": "Thẩm định vòng 1",
  "criterionScore.appraiseRound2": "Thẩm định vòng 2",
  "criterionScore.requestExplanation": "Yêu cầu giải trình",
  "criterionScore.import.self": "Nhập điểm tự chấm từ tệp",
  "criterionScore.import.round1": "Nhập điểm thẩm định vòng 1 từ tệp",
  "criterionScore.import.round2": "Nhập điểm thẩm định vòng 2 từ tệp",
  "criterionScore.notApplicable": "Đánh dấu tiêu chí không áp dụng",
  "criterionScore.applicable": "Áp dụng lại tiêu chí",
  "directive.create": "Thêm văn bản",
  "directive.update": "Sửa văn bản",
  "directive.link": "Liên kết văn bản",
  "directive.unlink": "Xóa liên kết văn bản",
  "directive.file.add": "Đính kèm tệp vào văn bản",
  "directive.file.remove": "Xóa tệp đính kèm của văn bản",
  "evidence.add": "Tải lên minh chứng",
  "evidence.remove": "Xóa minh chứng",
  "framework.create": "Tạo bộ chỉ số",
  "framework.update": "Sửa thông tin bộ chỉ số",
  "framework.newVersion": "Tạo phiên bản mới của bộ chỉ số",
  "framework.replaceTree": "Nhập cây tiêu chí từ tệp",
  "framework.setMaxPoints": "Sửa điểm tối đa",
  "framework.setGradeBands": "Sửa xếp loại",
  "framework.setComponents": "Sửa thành phần điểm",
  "publishedResult.create": "Nhập kết quả công bố",
  "publishedResult.update": "Sửa kết quả công bố",
  "publishedResult.import": "Nhập bảng kết quả công bố từ tệp",
  "report.submit": "Gửi báo cáo định kỳ",
  "report.update": "Sửa báo cáo định kỳ",
  "target.create": "Thêm chỉ tiêu",
  "target.bulkCreate": "Giao chỉ tiêu hàng loạt",
  "target.update": "Sửa chỉ tiêu",
  "target.delete": "Xóa chỉ tiêu",
  "task.create": "Thêm nhiệm vụ",
  "task.update": "Sửa phân công nhiệm vụ",
  "task.delete": "Xóa nhiệm vụ",
  "task.progress": "Cập nhật tiến độ nhiệm vụ",
  "task.file.add": "Tải lên minh chứng nhiệm vụ",
  "task.file.remove": "Xóa minh chứng nhiệm vụ",
  "user.create": "Tạo tài khoản",
  "user.import": "Tạo tài khoản từ tệp",
  "user.update": "Sửa tài khoản",
  "user.disable": "Khóa tài khoản",
  "user.enable": "Mở khóa tài khoản",
  "user.delete": "Xóa tài khoản",
  "user.unlock": "Gỡ tạm khóa đăng nhập",
  "user.invite": "Cấp đường liên kết mời",
  "user.resetPassword": "Cấp đường liên kết đặt lại mật khẩu",
  "user.setPassword": "Đặt mật khẩu qua đường liên kết",
  "user.changePassword": "Đổi mật khẩu",
  "agency.create": "Thêm cơ quan, đơn vị",
  "agency.import": "Thêm cơ quan, đơn vị từ tệp",
  "agency.update": "Sửa cơ quan, đơn vị",
  "agency.end": "Kết thúc hoạt động của cơ quan, đơn vị",
  "agency.delete": "Xóa cơ quan, đơn vị",
  "agency.merge": "Hợp nhất, sáp nhập cơ quan, đơn vị",
  "agency.split": "Chia tách cơ quan, đơn vị",
  "documentSettings.update": "Sửa thông tin in trên văn bản",
  "peerGroup.create": "Thêm nhóm so sánh",
  "user.locale": "Đổi ngôn ngữ giao diện",
  "job.retry": "Chạy lại tác vụ lỗi",
  "job.run": "Chạy quét hạn ngay",
};

/** "Tự chấm điểm", or the action's code when it has no name yet. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action as AuditAction] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType as AuditEntity] ?? entityType;
}

export type FieldChange = { field: string; old: string; new: string };
export type AuditChanges = { changes: FieldChange[]; context: { field: string; value: string }[] };

const MAX_TEXT = 300;

/** A stored value as a person reads it: (trống), 1,5, 2026, có/không, text (shortened), or compact JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(trống)";
  // Years and ids as written (2026, not 2.026); points with a decimal comma (1,5).
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : formatPoints(value);
  if (typeof value === "boolean") return value ? "có" : "không";
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
  return changes.changes.map((c) => `${c.field || "giá trị"}: ${c.old} → ${c.new}`).join("; ");
}
