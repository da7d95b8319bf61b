// zod, with messages from the catalogue (errors.zod, in the request's language) for the checks a
// schema did not word itself. Schemas import `z` from here (never from "zod") so that no user ever
// sees zod's default ("Invalid input: expected string, received number"): the fallback names the
// field and says what it needs. Its z.string() also refuses text the database cannot store
// (lib/validation/z.ts).
import { libTranslator } from "@/lib/i18n/lib-translator";
import * as z from "./z";
import { UNSTORABLE_TEXT } from "./z";

const TYPES = ["string", "number", "int", "bigint", "boolean", "array", "object", "date", "null", "undefined", "symbol", "function", "file"] as const;
type TypeName = (typeof TYPES)[number] | "other";

function typeName(type: string): TypeName {
  const known = (name: string) => (TYPES as readonly string[]).includes(name);
  if (known(type)) return type as TypeName;
  return known(type.toLowerCase()) ? (type.toLowerCase() as TypeName) : "other";
}

function receivedType(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (input instanceof Date) return "date";
  if (typeof input === "number" && Number.isNaN(input)) return "nan";
  return typeof input;
}

const SIZE_UNITS = ["string", "array", "set", "map", "file"] as const;
const sizeUnit = (origin: unknown) => ((SIZE_UNITS as readonly unknown[]).includes(origin) ? (origin as (typeof SIZE_UNITS)[number]) : null);

const shown = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

type Issue = z.core.$ZodRawIssue;

/** The message for one issue, without the field: the caller prefixes it. */
function describe(issue: Issue): string {
  const t = libTranslator("errors.zod");
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return t("required");
      if (typeof issue.input === "number" && Number.isNaN(issue.input)) return t("notANumber");
      return t("wrongType", {
        expected: t(`types.${typeName(String(issue.expected))}`),
        received: t(`types.${typeName(receivedType(issue.input))}`),
      });
    case "too_big": {
      const unit = sizeUnit(issue.origin);
      const max = Number(issue.maximum);
      if (unit) return t("tooLong", { max, unit: t(`units.${unit}`) });
      return issue.inclusive === false ? t("tooBigExclusive", { max }) : t("tooBig", { max });
    }
    case "too_small": {
      const unit = sizeUnit(issue.origin);
      const min = Number(issue.minimum);
      if (unit) return min <= 1 ? t("required") : t("tooShort", { min, unit: t(`units.${unit}`) });
      return issue.inclusive === false ? t("tooSmallExclusive", { min }) : t("tooSmall", { min });
    }
    case "invalid_format":
      return issue.format === "email" ? t("email") : t("format");
    case "invalid_value":
      return issue.values.length === 1 ? t("onlyValue", { value: shown(issue.values[0]) }) : t("oneOf", { values: issue.values.map(shown).join(", ") });
    case "not_multiple_of":
      return t("multipleOf", { divisor: String(issue.divisor) });
    case "unrecognized_keys":
      return t("unrecognizedKeys", { keys: issue.keys.join(", ") });
    case "invalid_key":
      return t("invalidKey");
    case "invalid_element":
      return t("invalidElement");
    case "custom":
      return issue.params?.reason === UNSTORABLE_TEXT ? t("unstorable") : t("invalid");
    default:
      return t("invalid");
  }
}

/** "Trường "year": cần số, không phải văn bản." — the field is the issue's path (dots between levels). */
export function issueMessage(issue: Issue): string {
  const path = (issue.path ?? []).map(String).join(".");
  const problem = describe(issue);
  return path ? libTranslator("errors.zod")("field", { field: path, problem }) : libTranslator("errors.zod")("body", { problem });
}

z.config({ customError: issueMessage });

/** The largest id or version PostgreSQL's INTEGER holds: a larger one is refused, not sent to the database. */
export const DB_INT_MAX = 2_147_483_647;

export { z };
