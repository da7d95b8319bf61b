// The appraisal result notice to an agency (thông báo kết quả thẩm định): self and appraised score
// per criterion, the explanation requests and answers, bonus and penalty, the final score and the
// classification. Built from what the sheet shows the reader: before staff release the appraisal,
// an agency's reader gets a notice saying so.
import { formatFor } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import type { AdministrativeDocument, Block } from "@/lib/io/document/model";
import { cents } from "@/lib/numbers";
import { criterionLines, leaves } from "./criteria";
import { motto, numberLine, placeAndDate, recipients } from "./letterhead";
import type { DocumentSettings, SheetDocumentData } from "./types";

const f = formatFor("vi");

export function appraisalNoticeDocument(sheet: SheetDocumentData, settings: DocumentSettings, today: string): AdministrativeDocument {
  const t = translator("vi", "documents");
  const c = translator("vi", "documents.columns");
  const s = translator("vi", "documents.appraisalNotice");
  const year = sheet.period.year;
  const agency = sheet.agency.name;
  const lines = criterionLines(sheet.criteria);
  const scored = leaves(lines);
  const sum = (pick: (l: (typeof scored)[number]) => number | null) => cents(scored.reduce((total, l) => total + (pick(l) ?? 0), 0));
  const requests = scored.filter((l) => l.criterion.score?.explanationRequest);
  const blocks: Block[] = [{ kind: "paragraph", runs: [{ text: s("lead", { agency, homeAffairs: settings.homeAffairs, year }) }] }];
  if (!sheet.abilities.seesAppraisal) blocks.push({ kind: "paragraph", runs: [{ text: s("notReleased"), italic: true }] });
  else {
    blocks.push(
      { kind: "heading", text: s("scoresHeading") },
      {
        kind: "table",
        columns: [
          { title: c("code"), width: 9 },
          { title: c("criterion"), width: 39 },
          { title: c("max"), width: 9, align: "right" },
          { title: c("self"), width: 10, align: "right" },
          { title: c("appraised"), width: 10, align: "right" },
          { title: c("comment"), width: 23 },
        ],
        rows: lines.map((l) => ({
          cells: [
            l.criterion.code,
            l.criterion.name,
            f.points(l.criterion.maxPoints),
            f.score(l.self),
            f.score(l.appraised),
            l.criterion.score?.round2Comment ?? l.criterion.score?.round1Comment ?? "",
          ],
          strong: l.depth === 0,
        })),
      },
      { kind: "heading", text: s("explanationsHeading") },
      requests.length
        ? {
            kind: "table",
            columns: [
              { title: c("code"), width: 10 },
              { title: c("request"), width: 45 },
              { title: c("answer"), width: 45 },
            ],
            rows: requests.map((l) => ({
              cells: [l.criterion.code, l.criterion.score?.explanationRequest ?? "", l.criterion.score?.explanationResponse ?? ""],
            })),
          }
        : { kind: "paragraph", runs: [{ text: s("noExplanations") }] },
      { kind: "heading", text: s("resultHeading") },
      {
        kind: "paragraph",
        runs: [
          {
            text: s("result", {
              self: f.score(sum((l) => l.self)),
              appraised: f.score(sum((l) => l.appraised)),
              bonus: f.points(sheet.bonusPoints ?? 0),
              penalty: f.points(sheet.penaltyPoints ?? 0),
              final: sheet.finalTotal === null ? s("notFinal") : f.score(sheet.finalTotal),
              max: f.points(sheet.framework.maxScore),
              classification: sheet.classification ?? s("notFinal"),
            }),
          },
        ],
      },
    );
    if (sheet.bonusReason) blocks.push({ kind: "paragraph", runs: [{ text: s("bonusReason", { reason: sheet.bonusReason }) }] });
    if (sheet.penaltyReason) blocks.push({ kind: "paragraph", runs: [{ text: s("penaltyReason", { reason: sheet.penaltyReason }) }] });
  }
  return {
    title: s("title", { year, agency }),
    landscape: false,
    parentBody: settings.peoplesCommittee,
    issuingBody: settings.homeAffairs,
    motto: motto(),
    number: numberLine(settings.symbols["appraisal-notice"]),
    placeAndDate: placeAndDate(settings.place, today),
    kind: t("kinds.notice"),
    subject: s("subject", { year, agency }),
    reference: null,
    blocks,
    signature: { authority: null, position: settings.director.title, name: settings.director.name },
    recipients: recipients([s("recipientAgency", { agency }), t("committeeRecipient", { committee: settings.peoplesCommittee })], settings),
  };
}
