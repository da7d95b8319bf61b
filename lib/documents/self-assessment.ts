// The agency's self-assessment report (báo cáo tự đánh giá, chấm điểm Chỉ số CCHC) of a year: the
// summary, the score table by field, criterion and sub-criterion, the evidence by name, and the
// criteria not scored or below their maximum with the agency's explanations.
import { formatFor } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import type { AdministrativeDocument, Block } from "@/lib/io/document/model";
import { cents } from "@/lib/numbers";
import { criterionLines, leaves } from "./criteria";
import { motto, numberLine, placeAndDate, recipients } from "./letterhead";
import type { DocumentSettings, SheetDocumentData } from "./types";

const f = formatFor("vi");

export function selfAssessmentDocument(sheet: SheetDocumentData, settings: DocumentSettings, today: string): AdministrativeDocument {
  const t = translator("vi", "documents");
  const c = translator("vi", "documents.columns");
  const s = translator("vi", "documents.selfAssessment");
  const lines = criterionLines(sheet.criteria);
  const scored = leaves(lines);
  const total = cents(scored.reduce((sum, l) => sum + (l.self ?? 0), 0));
  const unscored = scored.filter((l) => l.self === null);
  // A criterion not applicable to the agency is neither missing nor short.
  const short = scored.filter((l) => !l.criterion.score?.notApplicable && (l.self === null || l.self < l.criterion.maxPoints));
  const year = sheet.period.year;
  const percent = sheet.framework.maxScore > 0 ? (total / sheet.framework.maxScore) * 100 : 0;
  const evidence = scored.flatMap((l) => (l.criterion.score?.evidence ?? []).map((e) => ({ code: l.criterion.code, name: e.fileName })));
  const blocks: Block[] = [
    { kind: "paragraph", runs: [{ text: s("lead", { year, framework: sheet.framework.name, agency: sheet.agency.name }) }] },
    { kind: "heading", text: s("summaryHeading") },
    {
      kind: "paragraph",
      runs: [
        {
          text: s("summary", {
            total: f.score(total),
            max: f.points(sheet.framework.maxScore),
            percent: f.score(percent),
            full: String(scored.length - short.length),
            count: String(scored.length),
            unscored: String(unscored.length),
          }),
        },
      ],
    },
    { kind: "heading", text: s("tableHeading") },
    {
      kind: "table",
      columns: [
        { title: c("code"), width: 9 },
        { title: c("criterion"), width: 45 },
        { title: c("max"), width: 10, align: "right" },
        { title: c("self"), width: 11, align: "right" },
        { title: c("comment"), width: 25 },
      ],
      rows: lines.map((l) => ({
        cells: [l.criterion.code, l.criterion.name, f.points(l.criterion.maxPoints), f.score(l.self), l.criterion.score?.selfComment ?? ""],
        strong: l.depth === 0,
      })),
    },
    { kind: "heading", text: s("evidenceHeading") },
    evidence.length
      ? {
          kind: "table",
          columns: [
            { title: c("order"), width: 8, align: "center" },
            { title: c("code"), width: 12 },
            { title: c("evidence"), width: 80 },
          ],
          rows: evidence.map((e, i) => ({ cells: [String(i + 1), e.code, e.name] })),
        }
      : { kind: "paragraph", runs: [{ text: s("noEvidence") }] },
    { kind: "heading", text: s("shortfallHeading") },
    short.length
      ? {
          kind: "table",
          columns: [
            { title: c("code"), width: 10 },
            { title: c("criterion"), width: 40 },
            { title: c("max"), width: 10, align: "right" },
            { title: c("self"), width: 10, align: "right" },
            { title: c("comment"), width: 30 },
          ],
          rows: short.map((l) => ({
            cells: [
              l.criterion.code,
              l.criterion.name,
              f.points(l.criterion.maxPoints),
              l.self === null ? s("notScored") : f.score(l.self),
              l.criterion.score?.explanationResponse || l.criterion.score?.selfComment || s("noExplanation"),
            ],
          })),
        }
      : { kind: "paragraph", runs: [{ text: s("noShortfall") }] },
  ];
  return {
    title: s("title", { year, agency: sheet.agency.name }),
    landscape: false,
    parentBody: settings.peoplesCommittee,
    issuingBody: sheet.agency.name,
    motto: motto(),
    number: numberLine(`${settings.symbols["self-assessment"]}${sheet.agency.code}`),
    placeAndDate: placeAndDate(settings.place, today),
    kind: t("kinds.report"),
    subject: s("subject", { year }),
    reference: null,
    blocks,
    signature: { authority: null, position: translator("vi", "documents.defaults")("agencyHeadTitle"), name: "" },
    recipients: recipients([s("recipientHomeAffairs", { homeAffairs: settings.homeAffairs })], settings),
  };
}
