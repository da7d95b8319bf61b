// The rules that tie a published total to its components, shared by the entry form and the import
// (pure functions, no I/O). Components and their maxima come from the framework in force.
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { cents } from "@/lib/numbers";

/** Published components are rounded to 2 decimals, so their sum may miss the total by this much. */
export const COMPONENT_SUM_TOLERANCE = 0.02;

export type ComponentDef = { code: string; nameVi: string; maxPoints: number };

export type ParsedDecimal = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * A score as typed or exported: "92.18" or the Vietnamese "92,18"; empty is null. At most two
 * decimals (the stored precision); binary noise from spreadsheets (92.18000000000001) is rounded.
 */
export function parseDecimal(text: string): ParsedDecimal {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return { ok: false, message: libTranslator("errors.results")("notANumber", { value: trimmed }) };
  const hundredths = Number(trimmed.replace(",", ".")) * 100;
  if (Math.abs(hundredths - Math.round(hundredths)) > 1e-6)
    return { ok: false, message: libTranslator("errors.results")("tooManyDecimals", { value: trimmed }) };
  return { ok: true, value: Math.round(hundredths) / 100 };
}

/**
 * A stored result's components as pages show them: in the order of the framework in force, then
 * any stored under a code that framework does not list (kept, shown under its code).
 */
export function shownComponents(
  defs: readonly { code: string; nameVi: string }[],
  stored: readonly { code: string; value: { toString(): string } | number }[],
): { code: string; nameVi: string; value: number }[] {
  const value = new Map(stored.map((c) => [c.code, Number(c.value)]));
  return [
    ...defs.filter((d) => value.has(d.code)).map((d) => ({ code: d.code, nameVi: d.nameVi, value: value.get(d.code)! })),
    ...stored.filter((c) => !defs.some((d) => d.code === c.code)).map((c) => ({ code: c.code, nameVi: c.code, value: Number(c.value) })),
  ];
}

export type TotalInput = {
  /** The total as given, or null when left empty. */
  score: number | null;
  /** Components given, by code. */
  components: Record<string, number>;
  defs: readonly ComponentDef[];
  /** PAR INDEX components add up to the total; SIPAS elements are percentages of their own. */
  additive: boolean;
  maxScore: number;
  /** How the problems name the index, e.g. "PAR INDEX năm 2023". */
  label: string;
  /** The published rank: with it, a result may have no total (the source printed only the rank). */
  officialRank?: number | null;
};

/** A problem with the total ("score") or with one component (its code). */
export type TotalIssue = { key: string; message: string };

/** score is null only for a rank published without a score: it is never guessed. */
export type TotalOutcome = { ok: true; score: number | null } | { ok: false; issues: TotalIssue[] };

/**
 * Checks the components against their maxima and the total against their sum: a missing total is
 * the sum of all the components; a given one may differ from it by at most the tolerance. A
 * result with a published rank may have no total at all.
 */
export function resolveTotal(input: TotalInput): TotalOutcome {
  const t = libTranslator("errors.results");
  const points = libFormat().points;
  const issues: TotalIssue[] = [];
  const defs = new Map(input.defs.map((def) => [def.code, def]));
  for (const [code, value] of Object.entries(input.components)) {
    const def = defs.get(code);
    if (!def) {
      issues.push({ key: code, message: t("noSuchComponent", { label: input.label, code }) });
    } else if (value < 0 || value > def.maxPoints) {
      issues.push({ key: code, message: t("componentRange", { name: def.nameVi, max: points(def.maxPoints), value: points(value) }) });
    }
  }
  // A null score reads as 0 in the comparisons, which pass: the null check only says what is meant (its mutant is equivalent).
  if (input.score !== null && (input.score < 0 || input.score > input.maxScore)) {
    issues.push({ key: "score", message: t("totalRange", { max: points(input.maxScore), value: points(input.score) }) });
  }
  if (issues.length > 0) return { ok: false, issues };

  const given = input.defs.filter((def) => input.components[def.code] !== undefined);
  const sum = cents(given.reduce((total, def) => total + input.components[def.code], 0));
  const complete = input.additive && input.defs.length > 0 && given.length === input.defs.length;
  const names = input.defs.map((def) => def.nameVi).join(", ");

  if (input.score === null) {
    if (complete) return { ok: true, score: sum };
    if (input.officialRank != null) return { ok: true, score: null };
    const message =
      input.additive && input.defs.length > 0
        ? t("missingTotalOrComponents", { label: input.label, count: String(input.defs.length), names })
        : t("missingTotal", { label: input.label });
    return { ok: false, issues: [{ key: "score", message }] };
  }
  // With no component given the sum is 0, which no total (0 or more, checked above) exceeds.
  if (input.additive) {
    const tolerance = COMPONENT_SUM_TOLERANCE + 1e-9;
    // Sums and totals are in cents: a gap of exactly the tolerance (0.02 + 1e-9) cannot occur, so > and >= agree.
    if (complete && Math.abs(sum - input.score) > tolerance) {
      return {
        ok: false,
        issues: [
          {
            key: "score",
            message: t("sumDiffers", {
              score: points(input.score),
              sum: points(sum),
              gap: points(cents(Math.abs(sum - input.score))),
              tolerance: points(COMPONENT_SUM_TOLERANCE),
            }),
          },
        ],
      };
    }
    // In cents, as above: > and >= agree.
    if (!complete && sum > input.score + tolerance) {
      return {
        ok: false,
        issues: [
          {
            key: "score",
            message: t("sumExceeds", { sum: points(sum), score: points(input.score) }),
          },
        ],
      };
    }
  }
  return { ok: true, score: input.score };
}
