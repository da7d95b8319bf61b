// zod, with Vietnamese messages for the checks a schema did not word itself. Schemas import `z`
// from here (never from "zod") so that no user ever sees zod's English default ("Invalid input:
// expected string, received number"): the fallback names the field and says what it needs. Its
// z.string() also refuses text the database cannot store (lib/validation/z.ts).
import * as z from "./z";
import { UNSTORABLE_TEXT } from "./z";

const TYPE_NAMES: Record<string, string> = {
  string: "văn bản",
  number: "số",
  int: "số nguyên",
  bigint: "số nguyên",
  boolean: "đúng/sai",
  array: "danh sách",
  object: "nhóm trường",
  date: "ngày",
  null: "giá trị rỗng (null)",
  undefined: "(trống)",
  symbol: "ký hiệu",
  function: "hàm",
  file: "tệp",
};

const typeName = (type: string) => TYPE_NAMES[type] ?? TYPE_NAMES[type.toLowerCase()] ?? "giá trị khác";

function receivedType(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (input instanceof Date) return "date";
  if (typeof input === "number" && Number.isNaN(input)) return "nan";
  return typeof input;
}

const SIZE_UNITS: Record<string, string> = { string: "ký tự", array: "phần tử", set: "phần tử", map: "phần tử", file: "byte" };

const shown = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

type Issue = z.core.$ZodRawIssue;

/** The message for one issue, without the field: the caller prefixes it. */
function describe(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "chưa nhập: điền giá trị cho trường này.";
      if (typeof issue.input === "number" && Number.isNaN(issue.input)) return "không phải là số: nhập chữ số, ví dụ 12.";
      return `cần ${typeName(String(issue.expected))}, không phải ${typeName(receivedType(issue.input))}.`;
    case "too_big": {
      const unit = SIZE_UNITS[String(issue.origin)];
      const max = Number(issue.maximum);
      if (unit) return `dài quá: tối đa ${max.toLocaleString("vi-VN")} ${unit}.`;
      return `quá lớn: ${issue.inclusive === false ? "phải nhỏ hơn" : "tối đa"} ${max.toLocaleString("vi-VN")}.`;
    }
    case "too_small": {
      const unit = SIZE_UNITS[String(issue.origin)];
      const min = Number(issue.minimum);
      if (unit) return min <= 1 ? "chưa nhập: điền giá trị cho trường này." : `ngắn quá: cần ít nhất ${min.toLocaleString("vi-VN")} ${unit}.`;
      return `quá nhỏ: ${issue.inclusive === false ? "phải lớn hơn" : "tối thiểu"} ${min.toLocaleString("vi-VN")}.`;
    }
    case "invalid_format":
      return issue.format === "email" ? "email không đúng định dạng, ví dụ ten@donvi.gov.vn." : "không đúng định dạng: xem lại cách ghi.";
    case "invalid_value":
      return issue.values.length === 1
        ? `chỉ nhận giá trị ${shown(issue.values[0])}.`
        : `chọn một trong các giá trị: ${issue.values.map(shown).join(", ")}.`;
    case "not_multiple_of":
      return `phải là bội số của ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return `có trường không dùng đến: ${issue.keys.join(", ")}.`;
    case "invalid_key":
      return "có tên khóa không hợp lệ.";
    case "invalid_element":
      return "có phần tử không hợp lệ.";
    case "custom":
      return issue.params?.reason === UNSTORABLE_TEXT
        ? "có ký tự không lưu được (ký tự rỗng NUL hoặc ký tự Unicode bị hỏng): xóa ký tự đó rồi nhập lại."
        : "giá trị không hợp lệ: kiểm tra lại.";
    default:
      return "giá trị không hợp lệ: kiểm tra lại.";
  }
}

/** "Trường "year": cần số, không phải văn bản." — the field is the issue's path (dots between levels). */
export function vietnameseIssueMessage(issue: Issue): string {
  const path = (issue.path ?? []).map(String).join(".");
  const text = describe(issue);
  return path ? `Trường "${path}": ${text}` : `Dữ liệu gửi lên: ${text}`;
}

z.config({ customError: vietnameseIssueMessage });

/** The largest id or version PostgreSQL's INTEGER holds: a larger one is refused, not sent to the database. */
export const DB_INT_MAX = 2_147_483_647;

export { z };
