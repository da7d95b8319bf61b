// What a target must say to be evaluated (lib/targets/evaluate.ts), and the bulk targets of the
// commitments every agency signs with the chairman. Pure functions (no I/O).
import type { IndexSubject, TargetKind } from "@/lib/db/generated/enums";
import type { Issue } from "@/lib/errors";
import { formatPoints } from "@/lib/format";

export const TARGET_KINDS_ORDER = [
  "MIN_SCORE",
  "MIN_PERCENT_OF_MAX",
  "MAX_RANK",
  "RANK_IMPROVEMENT",
  "CRITERION_SCORE",
  "COMMITMENT_COMPLETION",
] as const satisfies readonly TargetKind[];

const RANK_KINDS: readonly TargetKind[] = ["MAX_RANK", "RANK_IMPROVEMENT"];
/** Kinds measured on an index (PAR INDEX, SIPAS or an internal one): the form asks for it. */
export const INDEX_KINDS: readonly TargetKind[] = ["MIN_SCORE", "MIN_PERCENT_OF_MAX", "MAX_RANK", "RANK_IMPROVEMENT"];

/** The unit a kind is stated in when the form leaves it empty. */
export function defaultUnit(kind: TargetKind): string {
  switch (kind) {
    case "MIN_SCORE":
    case "CRITERION_SCORE":
      return "điểm";
    case "MAX_RANK":
      return "hạng";
    case "RANK_IMPROVEMENT":
      return "bậc";
    case "MIN_PERCENT_OF_MAX":
    case "COMMITMENT_COMPLETION":
      return "%";
  }
}

export type TargetDraft = {
  kind: TargetKind;
  indexCode: string | null;
  year: number;
  value: number;
  valueMax: number | null;
  unit: string | null;
  agencyId: number | null;
  criterionId: number | null;
  note: string | null;
};

export type TargetContext = {
  /** The directive's years: a target is set for one of them. */
  years: readonly number[];
  index: { code: string; shortName: string; subject: IndexSubject; maxScore: number } | null;
  /** The agency, when one is named and belongs to the directive's province. */
  agency: { id: number; name: string } | null;
  /** The criterion, when one is named and belongs to an internal framework of the province. */
  criterion: { id: number; code: string; maxPoints: number } | null;
};

/** Every problem of a target, each naming its field; empty when it can be evaluated. */
export function targetIssues(draft: TargetDraft, context: TargetContext): Issue[] {
  const issues: Issue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (!context.years.includes(draft.year)) {
    add(
      "year",
      `Năm ${draft.year} không thuộc các năm văn bản áp dụng (${context.years.join(", ")}): chọn một trong các năm đó, hoặc sửa văn bản để thêm năm.`,
    );
  }
  if (draft.agencyId !== null && !context.agency) add("agencyId", "Chọn cơ quan, đơn vị trong danh sách của tỉnh.");
  const { index } = context;

  if (INDEX_KINDS.includes(draft.kind)) {
    if (!draft.indexCode) add("indexCode", "Chọn chỉ số của chỉ tiêu (PAR INDEX, SIPAS hoặc chỉ số nội bộ).");
    else if (!index) add("indexCode", `Không có chỉ số "${draft.indexCode}": chọn trong danh sách.`);
    else if (draft.agencyId === null && index.subject !== "PROVINCE") {
      add("indexCode", `${index.shortName} chấm các cơ quan trong tỉnh: chọn cơ quan, đơn vị nhận chỉ tiêu, hoặc chọn PAR INDEX/SIPAS cho chỉ tiêu của tỉnh.`);
    } else if (draft.agencyId !== null && index.subject !== "AGENCY") {
      add("indexCode", `${index.shortName} xếp hạng các tỉnh, không chấm từng cơ quan: bỏ chọn cơ quan, hoặc chọn chỉ số nội bộ.`);
    }
  } else if (draft.indexCode) {
    add(
      "indexCode",
      draft.kind === "CRITERION_SCORE"
        ? "Chỉ tiêu điểm tiêu chí gắn với tiêu chí, không chọn chỉ số."
        : "Chỉ tiêu hoàn thành cam kết tính theo nhiệm vụ, không chọn chỉ số.",
    );
  }

  if (draft.kind === "CRITERION_SCORE") {
    if (draft.agencyId === null) add("agencyId", "Chỉ tiêu điểm tiêu chí là của một cơ quan: chọn cơ quan, đơn vị.");
    if (draft.criterionId === null) add("criterionId", "Chọn tiêu chí của bộ chỉ số nội bộ.");
    else if (!context.criterion) add("criterionId", "Tiêu chí không thuộc bộ chỉ số nội bộ của tỉnh: chọn trong danh sách.");
  } else if (draft.criterionId !== null) {
    add("criterionId", 'Chỉ chỉ tiêu loại "Điểm tiêu chí" mới gắn với một tiêu chí: bỏ chọn tiêu chí.');
  }

  const v = draft.value;
  switch (draft.kind) {
    case "MIN_SCORE": {
      const max = index?.maxScore ?? 100;
      if (v <= 0 || v > max) add("value", `Điểm tối thiểu phải lớn hơn 0 và không quá ${formatPoints(max)} (điểm tối đa của chỉ số).`);
      break;
    }
    case "MIN_PERCENT_OF_MAX":
    case "COMMITMENT_COMPLETION":
      if (v <= 0 || v > 100) add("value", "Tỷ lệ phải lớn hơn 0 và không quá 100%.");
      break;
    case "MAX_RANK":
      if (!Number.isInteger(v) || v < 1) add("value", "Thứ hạng là số nguyên từ 1 trở lên, ví dụ 10 (trong 10 tỉnh dẫn đầu).");
      break;
    case "RANK_IMPROVEMENT":
      if (!Number.isInteger(v) || v < 1) add("value", "Số bậc tăng là số nguyên từ 1 trở lên, ví dụ 10.");
      break;
    case "CRITERION_SCORE":
      if (context.criterion && (v <= 0 || v > context.criterion.maxPoints)) {
        add("value", `Điểm tiêu chí ${context.criterion.code} phải lớn hơn 0 và không quá ${formatPoints(context.criterion.maxPoints)} (điểm tối đa).`);
      }
      break;
  }
  if (draft.valueMax !== null) {
    if (draft.kind !== "RANK_IMPROVEMENT") add("valueMax", "Chỉ chỉ tiêu tăng bậc mới có mức trên (ví dụ tăng 10–15 bậc): để trống.");
    else if (!Number.isInteger(draft.valueMax) || draft.valueMax <= v)
      add("valueMax", `Mức trên là số nguyên lớn hơn mức dưới (${formatPoints(v)}), ví dụ 15; để trống nếu chỉ có một mức.`);
  }
  if (RANK_KINDS.includes(draft.kind) && draft.unit === "%") add("unit", "Chỉ tiêu về thứ hạng không tính bằng %: để trống đơn vị.");
  return issues;
}

export type BulkTargetSpec = {
  kind: "COMMITMENT_COMPLETION" | "CRITERION_SCORE";
  year: number;
  value: number;
  criterionId: number | null;
  note: string | null;
};

/**
 * One target per selected agency. An agency that already has the same target (same kind, year
 * and criterion) in this directive is refused, so that a second submission does not double it.
 */
export function buildBulkTargets(
  spec: BulkTargetSpec,
  agencies: readonly { id: number; name: string }[],
  existing: readonly { kind: TargetKind; year: number; agencyId: number | null; criterionId: number | null }[],
): { drafts: TargetDraft[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const criterionId = spec.kind === "CRITERION_SCORE" ? spec.criterionId : null;
  const drafts = agencies.map((agency) => ({
    kind: spec.kind,
    indexCode: null,
    year: spec.year,
    value: spec.value,
    valueMax: null,
    unit: defaultUnit(spec.kind),
    agencyId: agency.id,
    criterionId,
    note: spec.note,
  }));
  const taken = agencies.filter((agency) =>
    existing.some((t) => t.kind === spec.kind && t.year === spec.year && t.agencyId === agency.id && t.criterionId === criterionId),
  );
  if (taken.length > 0) {
    issues.push({
      field: "agencyIds",
      message: `Đã có chỉ tiêu này năm ${spec.year} cho: ${taken.map((a) => a.name).join(", ")}. Bỏ chọn các cơ quan đó, hoặc sửa chỉ tiêu đã có.`,
    });
  }
  return { drafts, issues };
}
