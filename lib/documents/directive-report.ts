// A directive's compiled periodic report (quarterly, half-year, yearly): its targets and their
// status, its tasks and their progress, who reported for the period and who has not.
import { formatFor } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import type { AdministrativeDocument, Block } from "@/lib/io/document/model";
import { motto, numberLine, placeAndDate, recipients } from "./letterhead";
import type { DirectiveReportData, DocumentSettings } from "./types";

const f = formatFor("vi");

export function directiveReportDocument(data: DirectiveReportData, settings: DocumentSettings, today: string): AdministrativeDocument {
  const t = translator("vi", "documents");
  const c = translator("vi", "documents.columns");
  const s = translator("vi", "documents.directiveReport");
  const status = translator("vi", "documents.leaderSummary.status");
  const { number, kindLabel, title } = data.directive;
  const period = data.periodLabel ?? s("allPeriods");
  const done = data.tasks.filter((task) => task.status === "DONE").length;
  const overdue = data.tasks.filter((task) => task.overdue).length;
  const submitted = data.reports.filter((r) => r.state === "submitted").length;
  const missing = data.reports.filter((r) => r.state === "missing");
  const blocks: Block[] = [
    {
      kind: "paragraph",
      runs: [{ text: s("lead", { kind: kindLabel.toLowerCase(), number, title, homeAffairs: settings.homeAffairs, period: period.toLowerCase() }) }],
    },
    { kind: "heading", text: s("targetsHeading") },
    data.targets.length
      ? {
          kind: "table",
          columns: [
            { title: c("order"), width: 6, align: "center" },
            { title: c("target"), width: 44 },
            { title: c("actual"), width: 30 },
            { title: c("status"), width: 20 },
          ],
          rows: data.targets.map((target, i) => ({
            cells: [String(i + 1), target.text, target.evaluation?.actualText ?? "", target.evaluation ? status(target.evaluation.status) : ""],
          })),
        }
      : { kind: "paragraph", runs: [{ text: s("noTargets") }] },
    { kind: "heading", text: s("tasksHeading") },
  ];
  if (data.tasks.length === 0) blocks.push({ kind: "paragraph", runs: [{ text: s("noTasks") }] });
  else
    blocks.push(
      { kind: "paragraph", runs: [{ text: s("progress", { done: String(done), total: String(data.tasks.length), overdue: String(overdue) }) }] },
      {
        kind: "table",
        columns: [
          { title: c("order"), width: 6, align: "center" },
          { title: c("task"), width: 36 },
          { title: c("lead"), width: 20 },
          { title: c("due"), width: 12, align: "center" },
          { title: c("progress"), width: 10, align: "right" },
          { title: c("status"), width: 16 },
        ],
        rows: data.tasks.map((task, i) => ({
          cells: [
            String(i + 1),
            task.title,
            task.lead?.name ?? "",
            f.day(task.dueOn),
            `${f.integer(task.progressPercent)}%`,
            task.overdue ? `${task.statusLabel} (${s("overdue", { days: String(task.daysOverdue) })})` : task.statusLabel,
          ],
        })),
      },
    );
  blocks.push(
    { kind: "heading", text: s("reportsHeading") },
    {
      kind: "paragraph",
      runs: [{ text: s("reported", { reported: String(submitted), total: String(data.reports.length), missing: String(missing.length) }) }],
    },
  );
  if (missing.length)
    blocks.push({ kind: "paragraph", runs: [{ text: s("missingList", { agencies: [...new Set(missing.map((r) => r.agency.name))].join(", ") }) }] });
  if (data.reports.length)
    blocks.push({
      kind: "table",
      columns: [
        { title: c("period"), width: 14 },
        { title: c("agency"), width: 24 },
        { title: c("status"), width: 14 },
        { title: c("submittedAt"), width: 12, align: "center" },
        { title: c("content"), width: 36 },
      ],
      rows: data.reports.map((r) => ({ cells: [r.period.label, r.agency.name, s(`state.${r.state}`), f.date(r.submittedAt), r.content ?? ""] })),
    });
  return {
    title: s("title", { number, period }),
    landscape: false,
    parentBody: settings.peoplesCommittee,
    issuingBody: settings.homeAffairs,
    motto: motto(),
    number: numberLine(settings.symbols["directive-report"]),
    placeAndDate: placeAndDate(settings.place, today),
    kind: t("kinds.report"),
    subject: s("subject", { kind: kindLabel, number, period: period.toLowerCase() }),
    reference: null,
    blocks,
    signature: { authority: null, position: settings.director.title, name: settings.director.name },
    recipients: recipients([t("committeeRecipient", { committee: settings.peoplesCommittee })], settings),
  };
}
