// The scores file as staff download it (headed in Vietnamese, decimal commas), read under its
// column names (agency_code, self_score…) with points written with a point, for tests to compute with.
import Papa from "papaparse";
import { scoreHeadings } from "@/lib/assessments/scores-file";

const KEY_OF = new Map(Object.entries(scoreHeadings("vi")).map(([key, heading]) => [heading, key]));
const POINTS = new Set(["max_points", "self_score", "appraised_score"]);

export function parseScoresCsv(text: string) {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (heading) => KEY_OF.get(heading) ?? heading,
    transform: (value, field) => (POINTS.has(String(field)) ? value.replace(",", ".") : value),
  });
}
