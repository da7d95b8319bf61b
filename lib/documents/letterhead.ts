// What Nghị định 30/2020/NĐ-CP fixes in every document, from the province's settings: the issuing
// bodies, "Số: …/BC-SNV", the place and date, "Nơi nhận". Pure: dates are passed in.
import { translator } from "@/lib/i18n/translator";
import type { AdministrativeDocument } from "@/lib/io/document/model";
import type { DocumentSettings, StoredSettings } from "./types";

const t = translator("vi", "documents");

/** Days before the 10th and months before March take a leading 0 (the decree): "ngày 05 tháng 02", "ngày 20 tháng 9". */
export function placeAndDate(place: string, day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  const pad = (n: number, below: number) => (n < below ? `0${n}` : String(n));
  return t("placeAndDate", { place, day: pad(date, 10), month: pad(month, 3), year: String(year) });
}

/** "Số:        /BC-SNV": the number is left for the clerk who registers the signed document. */
export const numberLine = (symbol: string) => t("number", { symbol });

/** The settings a province has before anyone edits them, from its name and kind. */
export function defaultSettings(province: { nameVi: string; kind: "PROVINCE" | "CITY" }): DocumentSettings {
  const defaults = translator("vi", "documents.defaults");
  return {
    peoplesCommittee: defaults("peoplesCommittee", { kind: province.kind, province: province.nameVi }),
    homeAffairs: defaults("homeAffairs"),
    place: province.nameVi,
    chairman: { title: defaults("chairmanTitle"), name: "" },
    director: { title: defaults("directorTitle"), name: "" },
    symbols: {
      // An agency's report: "BC-" and the agency's code (./self-assessment.ts).
      "self-assessment": defaults("symbolAgencyReport", { agency: "" }),
      "appraisal-notice": defaults("symbolNotice"),
      "ranking-annex": defaults("symbolDecision"),
      "directive-report": defaults("symbolReport"),
      "leader-summary": defaults("symbolReport"),
    },
    archiveUnit: defaults("archiveUnit"),
  };
}

/** A stored row as the documents read it; a kind added since it was saved keeps its default symbol. */
export function storedSettings(row: StoredSettings, defaults: DocumentSettings): DocumentSettings {
  const symbols = (row.symbols ?? {}) as Partial<DocumentSettings["symbols"]>;
  return {
    peoplesCommittee: row.peoplesCommittee,
    homeAffairs: row.homeAffairs,
    place: row.place,
    chairman: { title: row.chairmanTitle, name: row.chairmanName },
    director: { title: row.directorTitle, name: row.directorName },
    symbols: { ...defaults.symbols, ...symbols },
    archiveUnit: row.archiveUnit,
  };
}

/** The national motto block, as the catalogue words it. */
export const motto = () => ({ country: t("motto.country"), motto: t("motto.motto") });

/** "Nơi nhận:" with its lines, ending with the archive mark. */
export function recipients(lines: string[], settings: DocumentSettings): AdministrativeDocument["recipients"] {
  return { label: t("recipients"), lines: [...lines, t("archive", { unit: settings.archiveUnit })] };
}

/** The document's title as its file name, in Vietnamese (sent in the header's UTF-8 form), without the characters a file system refuses. */
export function fileName(title: string, extension: string): string {
  const cleaned = title
    .normalize("NFC")
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  return `${cleaned.slice(0, 150)}.${extension}`;
}
