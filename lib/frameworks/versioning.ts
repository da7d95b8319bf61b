// The editable state of a framework, the checks every saved state passes, and the rule that
// decides when a change to a framework in use must go to a new version, and which version is in force
// for a year. Pure: no I/O.
import type { AgencyKind, FrameworkStatus } from "@/lib/db/generated/enums";
import { formatPoints } from "@/lib/format";
import { checkTree, SUM_TOLERANCE, type NormalRow, type TreeIssue, type TreeRow } from "./tree";
import { cents } from "@/lib/numbers";
import { libTranslator } from "@/lib/i18n/lib-translator";

export type FrameworkMeta = {
  name: string;
  decision: string | null;
  validFromYear: number;
  validToYear: number | null;
  maxScore: number;
  bonusCap: number;
  penaltyCap: number;
  componentsAreAdditive: boolean;
  status: FrameworkStatus;
  isIllustrative: boolean;
  note: string | null;
  agencyKind: AgencyKind | null;
};
export type ComponentValue = { code: string; nameVi: string; maxPoints: number };
export type BandValue = { label: string; minScore: number };
export type FrameworkState = { meta: FrameworkMeta; rows: TreeRow[]; components: ComponentValue[]; bands: BandValue[] };

/** Changing these changes how scores are computed or classified. */
const SCORING_META: (keyof FrameworkMeta)[] = ["maxScore", "bonusCap", "penaltyCap", "componentsAreAdditive"];
/** A node's identity and weight; its guidance and evidence texts are help, not scoring. */
const SCORING_NODE: (keyof TreeRow)[] = ["code", "parentCode", "level", "name", "maxPoints", "method"];

const sameList = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string) => a.length === b.length && a.every((x, i) => key(x) === key(b[i]));

/**
 * True when the change alters what assessments were scored against: criteria added, removed,
 * renamed, moved or re-weighted, the maxima and caps, components or grade bands. Such a change
 * to a framework in use goes to a new version.
 */
export function isDestructive(before: FrameworkState, after: FrameworkState): boolean {
  if (SCORING_META.some((k) => before.meta[k] !== after.meta[k])) return true;
  if (!sameList(before.components, after.components, (c) => `${c.code}|${c.nameVi}|${c.maxPoints}`)) return true;
  const bandKey = (b: BandValue) => `${b.label}|${b.minScore}`;
  if (!sameList([...before.bands].sort(byLabel), [...after.bands].sort(byLabel), bandKey)) return true;
  if (before.rows.length !== after.rows.length) return true;
  const old = new Map(before.rows.map((r) => [r.id, r]));
  return after.rows.some((row) => {
    const prior = row.id === undefined ? undefined : old.get(row.id);
    return !prior || SCORING_NODE.some((k) => (prior[k] ?? null) !== (row[k] ?? null));
  });
}
const byLabel = (a: BandValue, b: BandValue) => a.label.localeCompare(b.label);

export type StateCheck = { rows: NormalRow[]; issues: TreeIssue[] };

/** Every rule a saved framework keeps. A draft may have fields that do not yet reach the maximum. */
export function checkState(state: FrameworkState): StateCheck {
  const { meta } = state;
  const tree = checkTree(state.rows, { maxScore: meta.maxScore, requireTotal: meta.status !== "DRAFT" });
  const issues: TreeIssue[] = [...tree.issues];
  const max = formatPoints(meta.maxScore);
  for (const c of state.components) {
    if (c.maxPoints > meta.maxScore + SUM_TOLERANCE) {
      issues.push({
        field: "components",
        message: libTranslator("errors.frameworks")("componentTooBig", { name: c.nameVi, points: formatPoints(c.maxPoints), max }),
      });
    }
  }
  if (meta.componentsAreAdditive && state.components.length > 0) {
    const total = cents(state.components.reduce((s, c) => s + c.maxPoints, 0));
    if (Math.abs(total - meta.maxScore) > SUM_TOLERANCE) {
      issues.push({
        field: "components",
        message: libTranslator("errors.frameworks")("componentsSum", { total: formatPoints(total), max }),
      });
    }
  }
  const minima = new Set<number>();
  for (const band of state.bands) {
    if (band.minScore > meta.maxScore + SUM_TOLERANCE) {
      issues.push({
        field: "bands",
        message: libTranslator("errors.frameworks")("bandTooHigh", { band: band.label, points: formatPoints(band.minScore), max }),
      });
    }
    if (minima.has(band.minScore)) {
      issues.push({
        field: "bands",
        message: libTranslator("errors.frameworks")("bandTwice", { band: band.label, points: formatPoints(band.minScore) }),
      });
    }
    minima.add(band.minScore);
  }
  return { rows: tree.rows, issues };
}

export type YearRange = { validFromYear: number; validToYear: number | null };

export function yearsOverlap(a: YearRange, b: YearRange): boolean {
  const aEnd = a.validToYear ?? Infinity;
  const bEnd = b.validToYear ?? Infinity;
  return a.validFromYear <= bEnd && b.validFromYear <= aEnd;
}

export function formatYears(range: YearRange): string {
  return range.validToYear === null
    ? libTranslator("errors.frameworks")("yearsFrom", { from: range.validFromYear })
    : range.validFromYear === range.validToYear
      ? String(range.validFromYear)
      : `${range.validFromYear}–${range.validToYear}`;
}

type FrameworkYears = { validFromYear: number; validToYear: number | null; version: number };

/** The national framework in force for a year: the newest version whose years include it. */
export function inForceFor<T extends FrameworkYears>(frameworks: readonly T[], year: number): T | null {
  return (
    frameworks.filter((f) => f.validFromYear <= year && (f.validToYear === null || f.validToYear >= year)).sort((a, b) => b.version - a.version)[0] ?? null
  );
}
