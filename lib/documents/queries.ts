// Each document built from the query of the page that shows its data (so the same rows, and the
// same permission, as that page), with the province's settings, written as DOCX or PDF.
import "server-only";
import { getAssessmentSheet } from "@/lib/assessments/queries";
import { getPeriodRanking } from "@/lib/assessments/periods/queries";
import { authorize, type Actor } from "@/lib/auth/policy";
import { getLeaderDashboard } from "@/lib/dashboards/leader/queries";
import { db } from "@/lib/db/client";
import { getDirective } from "@/lib/directives/queries";
import { getCompiledReport } from "@/lib/directives/reports/queries";
import { NotFoundError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { renderDocx } from "@/lib/io/document/docx";
import type { AdministrativeDocument } from "@/lib/io/document/model";
import { renderPdf } from "@/lib/io/document/pdf";
import { vietnamToday } from "@/lib/time";
import { appraisalNoticeDocument } from "./appraisal-notice";
import { directiveReportDocument } from "./directive-report";
import { leaderSummaryDocument } from "./leader-summary";
import { defaultSettings, fileName, storedSettings } from "./letterhead";
import { rankingAnnexDocument } from "./ranking-annex";
import { selfAssessmentDocument } from "./self-assessment";
import type { AnnexData, DocumentFormat, DocumentSettings, RenderedDocument } from "./types";

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The document in the format asked for, named after its title. */
export async function render(document: AdministrativeDocument, format: DocumentFormat): Promise<RenderedDocument> {
  const body = format === "docx" ? await renderDocx(document) : await renderPdf(document);
  return { body, fileName: fileName(document.title, format), contentType: CONTENT_TYPES[format] };
}

/** The names, place and signers a province's documents print: its stored settings, else the defaults. */
export async function documentSettings(provinceId: number): Promise<DocumentSettings> {
  return (await editableSettings(provinceId)).settings;
}

/** The settings and the version the form reads (0: never saved, the defaults shown). */
export async function editableSettings(provinceId: number): Promise<{ settings: DocumentSettings; version: number; provinceName: string }> {
  const province = await db.province.findUniqueOrThrow({ where: { id: provinceId }, include: { documentSetting: true } });
  const stored = province.documentSetting;
  const defaults = defaultSettings(province);
  if (!stored) return { settings: defaults, version: 0, provinceName: province.nameVi };
  return { settings: storedSettings(stored, defaults), version: stored.version, provinceName: province.nameVi };
}

/**
 * The settings page: for those who may edit them (Home Affairs of the province, an administrator).
 * The province of the given code (an administrator's choice), else the actor's; null: none chosen.
 */
export async function settingsForEditing(actor: Actor, provinceCode?: string) {
  const chosen = provinceCode ? await db.province.findFirst({ where: { code: provinceCode, validTo: null }, select: { id: true } }) : null;
  const provinceId = chosen?.id ?? (provinceCode ? null : actor.provinceId);
  if (!provinceId) return null;
  authorize(actor, "documents.configure", { provinceId });
  return { provinceId, ...(await editableSettings(provinceId)) };
}

/** The self-assessment report and the appraisal notice of one agency: the scoring sheet's data, for those who may open it. */
export async function sheetDocument(actor: Actor, kind: "self-assessment" | "appraisal-notice", assessmentId: number, now = new Date()) {
  const sheet = await getAssessmentSheet(actor, assessmentId, now);
  const settings = await documentSettings(sheet.period.provinceId);
  const build = kind === "self-assessment" ? selfAssessmentDocument : appraisalNoticeDocument;
  return build(sheet, settings, vietnamToday(now));
}

/**
 * The annex of a period's ranking: the period page's rows (getPeriod's permission and what each
 * reader may see, read by getPeriodRanking), with each agency's peer group and its appraised points per field.
 */
export async function rankingAnnex(actor: Actor, periodId: number, now = new Date()) {
  const period = await getPeriodRanking(actor, periodId);
  const settings = await documentSettings(period.provinceId);
  const data: AnnexData = {
    year: period.year,
    provinceName: period.provinceName,
    published: period.status === "PUBLISHED",
    fields: period.fields,
    agencies: period.assessments.map((a) => ({
      name: a.agencyName,
      peerGroup: a.peerGroup,
      fieldPoints: a.fieldPoints,
      finalTotal: a.finalTotal,
      maximum: period.maxScore,
      classification: a.classification,
    })),
  };
  return rankingAnnexDocument(data, settings, vietnamToday(now));
}

/** A directive's report for one period (or all): its page's targets and tasks, and the compiled reports page's rows. */
export async function directiveReport(actor: Actor, directiveId: number, periodKey: string | null, now = new Date()) {
  const compiled = await getCompiledReport(actor, directiveId, periodKey, now);
  const directive = await getDirective(actor, directiveId, now);
  const settings = await documentSettings(directive.province?.id ?? actor.provinceId ?? 0);
  return directiveReportDocument(
    {
      directive: { number: directive.number, kindLabel: directive.kindLabel, title: directive.title },
      periodLabel: compiled.selected?.label ?? null,
      targets: directive.targets,
      tasks: directive.tasks,
      reports: compiled.rows,
    },
    settings,
    vietnamToday(now),
  );
}

/** The leader's summary of a province (by its code, the one in force) and year: the leader dashboard's data. */
export async function leaderSummary(actor: Actor, provinceCode: string, year: number | undefined, now = new Date()) {
  const province = await db.province.findFirst({ where: { code: provinceCode, validTo: null } });
  if (!province) throw new NotFoundError(libTranslator("errors.documents")("provinceNotFound", { code: provinceCode }));
  const dashboard = await getLeaderDashboard(actor, { provinceId: province.id, year }, now);
  return leaderSummaryDocument(dashboard, await documentSettings(province.id), vietnamToday(now));
}
