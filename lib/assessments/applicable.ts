// Criteria Home Affairs marks not applicable to an agency (a department with no administrative
// procedures, a commune without a border gate) leave its maximum: agencies are then compared by the
// share of the points they could earn, not by raw points (Thanh Hóa 2023: Ban Dân tộc's 68,32 of an
// applicable 84 is 81,33 %, above a department's 80 of 100).
import { cents } from "@/lib/numbers";

export type ApplicableRow = { maxPoints: number; notApplicable: boolean };

/** The points an agency can earn: the maxima of the sub-criteria that apply to it. */
export function applicableMaximum(rows: readonly ApplicableRow[]): number {
  return cents(rows.reduce((sum, row) => sum + (row.notApplicable ? 0 : row.maxPoints), 0));
}

/** A total as a percentage of the applicable maximum, to two decimals (null: no total or nothing applies). */
export function percentOfApplicable(total: number | null, applicableMax: number): number | null {
  if (total === null || applicableMax <= 0) return null;
  return cents((total / applicableMax) * 100);
}

/** What the grade bands are read against: the percentage where the framework says so, else the points. */
export function gradedValue(total: number, applicableMax: number, gradesOnPercentage: boolean): number {
  return gradesOnPercentage ? (percentOfApplicable(total, applicableMax) ?? 0) : total;
}
