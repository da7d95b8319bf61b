// Every entry point of the portal that reads or writes data, with the permission of the table in
// lib/auth/policy.ts it is checked against and the units its data can belong to. Together with
// PERMISSIONS (role × permission → reach) this is the one table that says who may do what where;
// tests/integration/authorization-matrix.test.ts runs every role on every entry point and unit and
// fails when a route handler or a server action exists that is not listed here.
// Pure data: the e2e suite imports it too.
import type { Permission } from "@/lib/auth/policy";
import { OPERATIONS, type RouteId, writesData } from "@/lib/openapi/operations";

/**
 * Where the data acted on belongs, seen from the demo actors (An Giang, code 91 since 2025; the
 * agency head heads Sở Tư pháp there):
 * - ownAgency: data of the actor's agency (Sở Tư pháp of An Giang);
 * - ownProvince: data of An Giang that is not Sở Tư pháp's (another agency, or the province's own);
 * - formerUnit: data of a unit An Giang was formed from in 2025 (the old An Giang, code 89), kept
 *   by the new province (lib/auth/reach.ts);
 * - otherProvince: data of another province (Hà Nội, or Quảng Ninh for published results);
 * - national: national data, or none of any unit (a national framework, the rankings).
 */
export type Unit = "ownAgency" | "ownProvince" | "formerUnit" | "otherProvince" | "national";
export const UNITS: readonly Unit[] = ["ownAgency", "ownProvince", "formerUnit", "otherProvince", "national"];

export type Case = {
  /** Distinguishes the cases of one entry point (e.g. the steps of the workflow). */
  name?: string;
  /** "public": anyone, signed in or not. */
  permission: Permission | "public";
  units: readonly Unit[];
  /** Province data every agency of the province may read (an internal framework applies to each of them). */
  provinceWide?: boolean;
  /** National data every signed-in user may read (national frameworks). */
  nationalOpen?: boolean;
  /**
   * A file import covers many units: a row the actor may not write is refused as an issue of that
   * row (400, nothing written) so that the file can be fixed, instead of a 403 for the call.
   */
  refusedByRow?: readonly Unit[];
  /** With refusedByRow: the permission needed to call the import at all (else `permission`). */
  importer?: Permission;
};

export type Entry = {
  /** "GET /api/v1/evidence/[id]" or "lib/assessments/actions.ts#selfScoreAction". */
  id: string;
  kind: "route" | "action";
  write: boolean;
  /** Sign-in and sign-out act on the session, not on a unit's data: no case, see `note`. */
  cases: readonly Case[];
  note?: string;
};

const read = (id: string, cases: Case[], kind: Entry["kind"] = "route"): Entry => ({ id, kind, write: false, cases });
const write = (id: string, cases: Case[], kind: Entry["kind"] = "route"): Entry => ({ id, kind, write: true, cases });
const action = (file: string, name: string, cases: Case[]): Entry => write(`lib/${file}/actions.ts#${name}`, cases, "action");

const AGENCY_DATA: Unit[] = ["ownAgency", "ownProvince", "otherProvince"];
const PROVINCE_DATA: Unit[] = ["ownProvince", "otherProvince"];
const DIRECTIVE_DATA: Unit[] = ["ownProvince", "formerUnit", "otherProvince"];
const PROVINCE_HISTORY: Unit[] = DIRECTIVE_DATA;
const TASK_DATA: Unit[] = ["ownAgency", "ownProvince", "formerUnit", "otherProvince"];
const FRAMEWORK_DATA: Unit[] = ["ownProvince", "otherProvince", "national"];
const RESULT_DATA: Unit[] = ["ownProvince", "formerUnit", "otherProvince"];

const selfScore = (units = AGENCY_DATA): Case[] => [{ permission: "assessment.selfScore", units }];
const manage = (units = AGENCY_DATA): Case[] => [{ permission: "assessment.manage", units }];
// Appraising: Home Affairs on the whole province; a council member only by assignment (none in these
// fixtures, so refused here: the council's own cases are at the end of the matrix test).
const appraise = (units = AGENCY_DATA): Case[] => [{ permission: "assessment.appraise", units }];
const directiveWrite: Case[] = [{ permission: "directive.write", units: DIRECTIVE_DATA }];
const taskReport: Case[] = [{ permission: "task.report", units: TASK_DATA }];
const frameworkWrite: Case[] = [{ permission: "framework.write", units: FRAMEWORK_DATA }];
const frameworkRead: Case[] = [{ permission: "province.read", units: FRAMEWORK_DATA, provinceWide: true, nationalOpen: true }];
const publicData: Case[] = [{ permission: "public", units: ["national"] }];
// The national table: Home Affairs staff write their own province's rows (and its former units');
// rows of other provinces, new or changed, need "results.importNational" (administrators) and are
// refused row by row (README, "Published results").
const resultImport: Case[] = ["changed row", "new row"].flatMap((name) => [
  { name, permission: "results.write" as const, units: ["ownProvince", "formerUnit"] as Unit[] },
  {
    name,
    permission: "results.importNational" as const,
    importer: "results.write" as const,
    units: ["otherProvince"] as Unit[],
    refusedByRow: ["otherProvince"] as Unit[],
  },
]);
const SESSION_NOTE = "Sign-in and sign-out: tests/integration/auth.test.ts and the e2e sign-in tests.";
// Administration (issue 13). An account's unit is its own: an agency head's agency, a leader's
// province, another province's officer, an administrator (national: only "all" reaches it).
const ACCOUNT_DATA: Unit[] = ["ownAgency", "ownProvince", "otherProvince", "national"];
const userManage: Case[] = [{ permission: "user.manage", units: ACCOUNT_DATA }];
const userManageProvince: Case[] = [{ permission: "user.manage", units: PROVINCE_DATA }];
const agencyManage: Case[] = [{ permission: "agency.manage", units: PROVINCE_DATA }];
const OWN_ACCOUNT_NOTE =
  'The signed-in user\'s own account, no unit: tests/integration/accounts.test.ts ("sessions end") and tests/e2e/administration.test.ts.';
const OWN_NOTIFICATIONS_NOTE =
  "The signed-in user's own notifications and preferences (rows with their user id), no unit's data: tests/integration/notifications.test.ts.";
const JOBS_NOTE = "The national job queue (jobs.manage: administrators only), no unit's data: tests/integration/jobs.test.ts runs every role on it.";
const LOCALE_NOTE = "The language of the actor's own account (or a visitor's cookie), no unit's data: tests/integration/i18n.test.ts, tests/e2e/i18n.test.ts.";

// Who may call each route of app/api/v1: the routes are those of the OpenAPI table
// (lib/openapi/operations.ts), which also says which of them write.
const API_V1: Record<RouteId, Case[]> = {
  "GET /api/v1/assessment-periods/[id]/scores": [{ permission: "province.read", units: AGENCY_DATA }],
  // The control board's rows: Home Affairs every agency, an agency head their own (its countdown).
  "GET /api/v1/assessment-periods/[id]/progress": [{ permission: "province.read", units: AGENCY_DATA }],
  "GET /api/v1/assessment-periods/[id]/survey-template": [{ permission: "assessment.importSurvey", units: PROVINCE_DATA }],
  // The log of a chosen province (without one: the rows the actor may read).
  "GET /api/v1/audit/export": [{ permission: "audit.read", units: PROVINCE_HISTORY }],
  "POST /api/v1/assessment-periods/[id]/scores": selfScore(),
  "PUT /api/v1/criterion-scores/[id]/appraisal": appraise(),
  "PUT /api/v1/criterion-scores/[id]/self-score": selfScore(),
  "GET /api/v1/directive-files/[id]": [{ permission: "province.read", units: TASK_DATA }],
  // The compiled reports of every agency: province data, never one agency's.
  "GET /api/v1/directives/[id]/report": [{ permission: "province.read", units: DIRECTIVE_DATA }],
  "GET /api/v1/evidence/[id]": [{ permission: "province.read", units: AGENCY_DATA }],
  // The documents: each with the permission of the page whose data it prints (lib/documents/queries.ts).
  "GET /api/v1/documents/self-assessment": [{ permission: "province.read", units: AGENCY_DATA }],
  "GET /api/v1/documents/appraisal-notice": [{ permission: "province.read", units: AGENCY_DATA }],
  "GET /api/v1/documents/ranking-annex": [{ permission: "province.read", units: AGENCY_DATA }],
  "GET /api/v1/documents/directive-report": [{ permission: "province.read", units: DIRECTIVE_DATA }],
  "GET /api/v1/documents/leader-summary": [{ permission: "province.read", units: PROVINCE_DATA }],
  "GET /api/v1/exports/results": publicData,
  "GET /api/v1/open-data/results": publicData,
  "GET /api/v1/open-data/averages": publicData,
  "GET /api/v1/open-data/provinces/[code]": publicData,
  "GET /api/v1/openapi.json": publicData,
  "GET /api/v1/frameworks/[id]/export": frameworkRead,
  "POST /api/v1/frameworks/[id]/import": frameworkWrite,
  "GET /api/v1/frameworks/[id]": frameworkRead,
  "POST /api/v1/imports/results": resultImport,
  "GET /api/v1/rankings/export": publicData,
  "GET /api/v1/rankings": publicData,
  "GET /api/v1/users": userManageProvince,
  "POST /api/v1/users": userManage,
  "PATCH /api/v1/users/[id]": userManage,
  "POST /api/v1/users/[id]/reset": userManage,
  "GET /api/v1/agencies": agencyManage,
  "POST /api/v1/agencies": agencyManage,
  "PATCH /api/v1/agencies/[id]": agencyManage,
  "POST /api/v1/imports/agencies": agencyManage,
  "POST /api/v1/imports/users": userManageProvince,
  "GET /api/v1/imports/agencies/template": agencyManage,
  "GET /api/v1/imports/users/template": userManageProvince,
  // The token of the one-time link is the credential. "Forgot" answers every e-mail alike and
  // changes no data (only the throttle counts the request, as it counts a sign-in attempt).
  "POST /api/v1/password/set": publicData,
  "POST /api/v1/password/forgot": publicData,
};

export const ENDPOINTS: readonly Entry[] = [
  // ── Route handlers (app/api/**/route.ts): those of app/api/v1, then the others ──
  ...OPERATIONS.map((operation): Entry => ({ id: operation.id, kind: "route", write: writesData(operation), cases: API_V1[operation.id] })),
  read("GET /api/health", publicData),
  read("GET /api/ping", publicData),
  { id: "GET /api/auth/[...nextauth]", kind: "route", write: false, cases: [], note: SESSION_NOTE },
  { id: "POST /api/auth/[...nextauth]", kind: "route", write: true, cases: [], note: SESSION_NOTE },

  // ── Server actions (lib/**/actions.ts) ──
  action("accounts", "createAccountAction", userManage),
  action("accounts", "updateAccountAction", userManage),
  action(
    "accounts",
    "accountCommandAction",
    ["reset", "unlock", "delete"].map((name) => ({ name, permission: "user.manage" as const, units: ACCOUNT_DATA })),
  ),
  action("accounts", "importAccountsAction", userManageProvince),
  action("accounts/passwords", "setPasswordAction", publicData),
  read("lib/accounts/passwords/actions.ts#forgotPasswordAction", publicData, "action"),
  { id: "lib/accounts/passwords/actions.ts#changePasswordAction", kind: "action", write: true, cases: [], note: OWN_ACCOUNT_NOTE },
  { id: "lib/accounts/passwords/actions.ts#updateProfileAction", kind: "action", write: true, cases: [], note: OWN_ACCOUNT_NOTE },
  action("agencies", "createAgencyAction", agencyManage),
  action("agencies", "updateAgencyAction", agencyManage),
  action("agencies", "deleteAgencyAction", agencyManage),
  action("agencies", "mergeAgenciesAction", agencyManage),
  action("agencies", "splitAgencyAction", agencyManage),
  action("agencies", "importAgenciesAction", agencyManage),
  action("documents", "saveDocumentSettingsAction", [{ permission: "documents.configure", units: PROVINCE_DATA }]),
  action("assessments", "selfScoreAction", selfScore()),
  action("assessments", "appraiseAction", appraise()),
  action("assessments", "saveSheetAction", [
    { name: "self", permission: "assessment.selfScore", units: AGENCY_DATA },
    { name: "appraisal", permission: "assessment.appraise", units: AGENCY_DATA },
  ]),
  action("assessments", "acceptSelfScoresAction", appraise()),
  action("assessments", "requestExplanationAction", appraise()),
  action("assessments", "answerExplanationAction", selfScore()),
  action("assessments", "addEvidenceAction", selfScore()),
  action("assessments", "removeEvidenceAction", selfScore()),
  action("assessments", "adjustmentsAction", manage()),
  action("assessments", "advanceAction", [
    { name: "submit", permission: "assessment.selfScore", units: AGENCY_DATA },
    { name: "requestExplanations", permission: "assessment.manage", units: AGENCY_DATA },
    { name: "startRound2", permission: "assessment.manage", units: AGENCY_DATA },
    { name: "finalize", permission: "assessment.manage", units: AGENCY_DATA },
    { name: "returnForCorrection", permission: "assessment.manage", units: AGENCY_DATA },
    { name: "withdraw", permission: "assessment.selfScore", units: AGENCY_DATA },
  ]),
  action("assessments", "notApplicableAction", manage()),
  action("assessments", "extendDeadlineAction", manage()),
  action("assessments", "publishAction", manage(PROVINCE_DATA)),
  action("assessments", "addAgencyAction", manage(PROVINCE_DATA)),
  action("assessments", "openPeriodAction", manage(PROVINCE_DATA)),
  // Issue 17, item 7: the province's own PAR INDEX self-assessment (a national framework, the province itself assessed).
  action("assessments/self-assessment", "openSelfAssessmentAction", manage(PROVINCE_DATA)),
  action("assessments", "importScoresAction", selfScore()),
  action("assessments", "assignCouncilAction", manage(PROVINCE_DATA)),
  action("assessments", "removeCouncilAssignmentAction", manage(PROVINCE_DATA)),
  action("assessments", "importSurveyAction", [{ permission: "assessment.importSurvey", units: PROVINCE_DATA }]),
  { id: "lib/auth/actions.ts#login", kind: "action", write: true, cases: [], note: SESSION_NOTE },
  { id: "lib/auth/actions.ts#logout", kind: "action", write: true, cases: [], note: SESSION_NOTE },
  { id: "lib/preferences/actions.ts#setLocaleAction", kind: "action", write: true, cases: [], note: LOCALE_NOTE },
  { id: "lib/notifications/actions.ts#markNotificationsReadAction", kind: "action", write: true, cases: [], note: OWN_NOTIFICATIONS_NOTE },
  { id: "lib/notifications/actions.ts#saveNotificationPreferencesAction", kind: "action", write: true, cases: [], note: OWN_NOTIFICATIONS_NOTE },
  { id: "lib/jobs/actions.ts#retryJobAction", kind: "action", write: true, cases: [], note: JOBS_NOTE },
  { id: "lib/jobs/actions.ts#runDeadlineScanAction", kind: "action", write: true, cases: [], note: JOBS_NOTE },
  action("directives", "createDirectiveAction", directiveWrite),
  action("directives", "updateDirectiveAction", directiveWrite),
  action("directives", "linkAction", directiveWrite),
  action("directives", "unlinkAction", directiveWrite),
  action("directives", "addDirectiveFileAction", directiveWrite),
  action("directives", "removeDirectiveFileAction", directiveWrite),
  action("directives", "createTargetAction", directiveWrite),
  action("directives", "updateTargetAction", directiveWrite),
  action("directives", "deleteTargetAction", directiveWrite),
  action("directives", "bulkTargetsAction", directiveWrite),
  action("directives", "createTaskAction", directiveWrite),
  action("directives", "updateTaskAction", directiveWrite),
  action("directives", "deleteTaskAction", directiveWrite),
  action("directives", "taskProgressAction", taskReport),
  action("directives", "addTaskFileAction", taskReport),
  action("directives", "removeTaskFileAction", taskReport),
  action("directives", "submitReportAction", taskReport),
  action("frameworks", "createFrameworkAction", frameworkWrite),
  action("frameworks", "updateFrameworkMetaAction", frameworkWrite),
  action("frameworks", "updateCriterionAction", frameworkWrite),
  action("frameworks", "addCriterionAction", frameworkWrite),
  action("frameworks", "deleteCriterionAction", frameworkWrite),
  action("frameworks", "setMaxPointsAction", frameworkWrite),
  action("frameworks", "setGradeBandsAction", frameworkWrite),
  action("frameworks", "setComponentsAction", frameworkWrite),
  action("frameworks", "importTreeAction", frameworkWrite),
  action("results", "saveResultAction", [{ permission: "results.write", units: RESULT_DATA }]),
  action("results", "importResultsAction", resultImport),
];

export type Role = "ADMIN" | "HOME_AFFAIRS" | "LEADER" | "AGENCY_HEAD";
export const ROLES: readonly Role[] = ["ADMIN", "HOME_AFFAIRS", "LEADER", "AGENCY_HEAD"];

export type Expected = "ok" | 401 | 403 | "refusedByRow";

/**
 * What the table says for a role (null: signed out) on data of a unit, worked out from the reach
 * of the permission (lib/auth/policy.ts), not from the app's own scope functions.
 */
export function expected(
  c: Case,
  role: Role | null,
  unit: Unit,
  permissions: Record<Permission, Record<Role, "all" | "province" | "agency" | "council" | "none">>,
): Expected {
  if (c.permission === "public") return "ok";
  if (role === null) return 401;
  const reach = permissions[c.permission][role];
  const deny: Expected = c.refusedByRow?.includes(unit) && permissions[c.importer ?? c.permission][role] !== "none" ? "refusedByRow" : 403;
  if (reach === "all") return "ok";
  if (unit === "national") return c.nationalOpen ? "ok" : deny;
  if (reach === "province") return unit === "otherProvince" ? deny : "ok";
  if (reach === "agency") return unit === "ownAgency" || (c.provinceWide && unit === "ownProvince") ? "ok" : deny;
  return deny;
}
