// Year-over-year change of an agency's criteria. Frameworks get new versions (new ids), so the
import { cents } from "@/lib/numbers";
// criteria of two years are matched by their code. Pure function.

export type YearScore = { code: string; maxPoints: number; score: number | null };

export type YearChange = {
  /** Last year's score of the criterion with the same code, or null. */
  previous: number | null;
  /** This year's score minus last year's, when both are known. */
  change: number | null;
  /** The code did not exist last year. */
  isNew: boolean;
  /** The maximum changed between the versions: the change in points compares unlike things. */
  maxChanged: boolean;
};

export function yearOverYear(current: readonly YearScore[], previous: readonly YearScore[] | null): Map<string, YearChange> {
  const before = new Map((previous ?? []).map((row) => [row.code, row]));
  return new Map<string, YearChange>(
    current.map((row): [string, YearChange] => {
      const old = before.get(row.code);
      if (!old) return [row.code, { previous: null, change: null, isNew: previous !== null, maxChanged: false }];
      const change = row.score !== null && old.score !== null ? cents(row.score - old.score) : null;
      return [row.code, { previous: old.score, change, isNew: false, maxChanged: Math.abs(old.maxPoints - row.maxPoints) > 1e-9 }];
    }),
  );
}
