// Every operation of the JSON API (app/api/v1), with the zod schemas its route handler validates
// with: the query string, the path's parameters and the body. The OpenAPI document
// (./document.ts) is generated from this table; tests/unit/openapi.test.ts walks app/api/v1 on disk
// and fails when a route's method is missing here. The one list of the API's routes: who may call
// each (tests/support/endpoints.ts) and how it is fuzzed (scripts/lib/fuzz/api-catalogue.ts) are
// tables keyed by `RouteId`, so a route added here and not there (or the reverse) does not compile.
import { accountCreateSchema, accountFilterSchema, accountUpdateSchema, passwordForgotSchema, passwordSetSchema } from "@/lib/accounts/schema";
import { agencyCreateSchema, agencyListSchema, agencyUpdateSchema, importOptionsSchema, templateQuerySchema } from "@/lib/agencies/schema";
import { appraiseSchema, scoresFileQuerySchema, selfScoreSchema } from "@/lib/assessments/schema";
import { auditExportQuerySchema } from "@/lib/audit/schema";
import { reportQuerySchema } from "@/lib/directives/schema";
import { directiveReportQuerySchema, leaderSummaryQuerySchema, rankingAnnexQuerySchema, sheetDocumentQuerySchema } from "@/lib/documents/schema";
import { exportQuerySchema as treeExportQuerySchema, frameworkIdSchema, importTreeSchema } from "@/lib/frameworks/schema";
import { openDataProvinceCodeSchema, openDataQuerySchema } from "@/lib/profiles/open-data/schema";
import { dryRunSchema, exportQuerySchema, rankingExportQuerySchema, rankingQuerySchema } from "@/lib/results/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { openApiQuerySchema } from "./schema";

export const TAGS = [
  "publicData",
  "openData",
  "results",
  "assessments",
  "directives",
  "documents",
  "frameworks",
  "administration",
  "passwords",
  "apiDescription",
] as const;
export type Tag = (typeof TAGS)[number];

/** What a successful call answers: JSON, or a file of one of these kinds. */
export type Answer =
  | { status: 200 | 201 | 202; kind: "json" }
  | { status: 200; kind: "file"; media: readonly MediaKind[] }
  | { status: 200; kind: "storedFile" };
export type MediaKind = "csv" | "xlsx" | "json" | "docx" | "pdf";

export type Operation = {
  /** "GET /api/v1/evidence/[id]": the method and the folder of its route.ts. */
  id: string;
  /** Also the key of its summary in the catalogue (openapi.operations.<operationId>). */
  operationId: string;
  tag: Tag;
  /** "signedIn": the session cookie of a sign-in; without it the answer is 401. */
  access: "public" | "signedIn";
  params?: Record<string, z.ZodType>;
  query?: z.ZodType;
  /** A JSON body, or a multipart form: the uploaded `file` and these other fields. */
  body?: { json: z.ZodType } | { multipart: z.ZodObject };
  answer: Answer;
  /** Writes checked against a version answer 409 with the current row when someone saved first. */
  versioned?: boolean;
  /** A POST that changes no data whatever it is sent (the forgot-password request: 202 for every e-mail). */
  changesNothing?: boolean;
};

/** Whether a call may change data: every method but GET, unless the route changes nothing. */
export const writesData = (operation: Operation) => !operation.id.startsWith("GET ") && !operation.changesNothing;

// A path's id: anything else finds no row (lib/api/params.ts).
const id = { id: z.int().min(1).max(DB_INT_MAX) };
const json = { status: 200, kind: "json" } as const;
const table = { status: 200, kind: "file", media: ["csv", "xlsx"] } as const;
const xlsx = { status: 200, kind: "file", media: ["xlsx"] } as const;
const document = { status: 200, kind: "file", media: ["docx", "pdf"] } as const;
const openData = { status: 200, kind: "file", media: ["csv", "xlsx", "json"] } as const;
const stored = { status: 200, kind: "storedFile" } as const;
const importForm = importOptionsSchema.extend({ dryRun: z.enum(["1", "0"]).optional() });
const scoreBody = (schema: typeof selfScoreSchema) => ({ json: schema.omit({ criterionScoreId: true }).extend({ score: z.union([z.string(), z.number()]) }) });

const TABLE = [
  { id: "GET /api/v1/rankings", operationId: "getRanking", tag: "publicData", access: "public", query: rankingQuerySchema, answer: json },
  { id: "GET /api/v1/rankings/export", operationId: "exportRanking", tag: "publicData", access: "public", query: rankingExportQuerySchema, answer: table },
  { id: "GET /api/v1/exports/results", operationId: "exportResults", tag: "publicData", access: "public", query: exportQuerySchema, answer: table },
  { id: "GET /api/v1/open-data/results", operationId: "openDataResults", tag: "openData", access: "public", query: openDataQuerySchema, answer: openData },
  { id: "GET /api/v1/open-data/averages", operationId: "openDataAverages", tag: "openData", access: "public", query: openDataQuerySchema, answer: openData },
  {
    id: "GET /api/v1/open-data/provinces/[code]",
    operationId: "openDataProvince",
    tag: "openData",
    access: "public",
    params: { code: openDataProvinceCodeSchema },
    answer: json,
  },
  { id: "GET /api/v1/openapi.json", operationId: "openApiDocument", tag: "apiDescription", access: "public", query: openApiQuerySchema, answer: json },
  {
    id: "POST /api/v1/imports/results",
    operationId: "importResults",
    tag: "results",
    access: "signedIn",
    body: { multipart: z.object({ dryRun: dryRunSchema }) },
    answer: json,
  },
  {
    id: "GET /api/v1/assessment-periods/[id]/scores",
    operationId: "exportScores",
    tag: "assessments",
    access: "signedIn",
    params: id,
    query: scoresFileQuerySchema,
    answer: table,
  },
  {
    id: "POST /api/v1/assessment-periods/[id]/scores",
    operationId: "importScores",
    tag: "assessments",
    access: "signedIn",
    params: id,
    body: {
      multipart: z.object({
        dryRun: z.enum(["1", "0"]).optional(),
        assessmentId: z
          .string()
          .regex(/^\d{1,10}$/)
          .optional(),
      }),
    },
    answer: json,
  },
  { id: "GET /api/v1/assessment-periods/[id]/progress", operationId: "periodProgress", tag: "assessments", access: "signedIn", params: id, answer: json },
  {
    id: "GET /api/v1/assessment-periods/[id]/survey-template",
    operationId: "surveyTemplate",
    tag: "assessments",
    access: "signedIn",
    params: id,
    answer: xlsx,
  },
  {
    id: "PUT /api/v1/criterion-scores/[id]/self-score",
    operationId: "selfScore",
    tag: "assessments",
    access: "signedIn",
    params: id,
    body: scoreBody(selfScoreSchema),
    answer: json,
    versioned: true,
  },
  {
    id: "PUT /api/v1/criterion-scores/[id]/appraisal",
    operationId: "appraise",
    tag: "assessments",
    access: "signedIn",
    params: id,
    body: scoreBody(appraiseSchema),
    answer: json,
    versioned: true,
  },
  { id: "GET /api/v1/evidence/[id]", operationId: "evidenceFile", tag: "assessments", access: "signedIn", params: id, answer: stored },
  { id: "GET /api/v1/directive-files/[id]", operationId: "directiveFile", tag: "directives", access: "signedIn", params: id, answer: stored },
  {
    id: "GET /api/v1/directives/[id]/report",
    operationId: "directiveReportTable",
    tag: "directives",
    access: "signedIn",
    params: id,
    query: reportQuerySchema,
    answer: table,
  },
  {
    id: "GET /api/v1/documents/self-assessment",
    operationId: "selfAssessmentDocument",
    tag: "documents",
    access: "signedIn",
    query: sheetDocumentQuerySchema,
    answer: document,
  },
  {
    id: "GET /api/v1/documents/appraisal-notice",
    operationId: "appraisalNoticeDocument",
    tag: "documents",
    access: "signedIn",
    query: sheetDocumentQuerySchema,
    answer: document,
  },
  {
    id: "GET /api/v1/documents/ranking-annex",
    operationId: "rankingAnnexDocument",
    tag: "documents",
    access: "signedIn",
    query: rankingAnnexQuerySchema,
    answer: document,
  },
  {
    id: "GET /api/v1/documents/directive-report",
    operationId: "directiveReportDocument",
    tag: "documents",
    access: "signedIn",
    query: directiveReportQuerySchema,
    answer: document,
  },
  {
    id: "GET /api/v1/documents/leader-summary",
    operationId: "leaderSummaryDocument",
    tag: "documents",
    access: "signedIn",
    query: leaderSummaryQuerySchema,
    answer: document,
  },
  { id: "GET /api/v1/frameworks/[id]", operationId: "getFramework", tag: "frameworks", access: "signedIn", params: { id: frameworkIdSchema }, answer: json },
  {
    id: "GET /api/v1/frameworks/[id]/export",
    operationId: "exportFramework",
    tag: "frameworks",
    access: "signedIn",
    params: { id: frameworkIdSchema },
    query: treeExportQuerySchema,
    answer: table,
  },
  {
    id: "POST /api/v1/frameworks/[id]/import",
    operationId: "importFramework",
    tag: "frameworks",
    access: "signedIn",
    params: { id: frameworkIdSchema },
    body: { multipart: importTreeSchema.omit({ frameworkId: true }) },
    answer: json,
  },
  { id: "GET /api/v1/users", operationId: "listAccounts", tag: "administration", access: "signedIn", query: accountFilterSchema, answer: json },
  {
    id: "POST /api/v1/users",
    operationId: "createAccount",
    tag: "administration",
    access: "signedIn",
    body: { json: accountCreateSchema },
    answer: { status: 201, kind: "json" },
  },
  {
    id: "PATCH /api/v1/users/[id]",
    operationId: "updateAccount",
    tag: "administration",
    access: "signedIn",
    params: id,
    body: { json: accountUpdateSchema },
    answer: json,
    versioned: true,
  },
  { id: "POST /api/v1/users/[id]/reset", operationId: "resetPassword", tag: "administration", access: "signedIn", params: id, answer: json },
  { id: "GET /api/v1/agencies", operationId: "listAgencies", tag: "administration", access: "signedIn", query: agencyListSchema, answer: json },
  {
    id: "POST /api/v1/agencies",
    operationId: "createAgency",
    tag: "administration",
    access: "signedIn",
    body: { json: agencyCreateSchema },
    answer: { status: 201, kind: "json" },
  },
  {
    id: "PATCH /api/v1/agencies/[id]",
    operationId: "updateAgency",
    tag: "administration",
    access: "signedIn",
    params: id,
    body: { json: agencyUpdateSchema },
    answer: json,
    versioned: true,
  },
  {
    id: "POST /api/v1/imports/agencies",
    operationId: "importAgencies",
    tag: "administration",
    access: "signedIn",
    body: { multipart: importForm },
    answer: json,
  },
  { id: "POST /api/v1/imports/users", operationId: "importAccounts", tag: "administration", access: "signedIn", body: { multipart: importForm }, answer: json },
  {
    id: "GET /api/v1/imports/agencies/template",
    operationId: "agencyTemplate",
    tag: "administration",
    access: "signedIn",
    query: templateQuerySchema,
    answer: xlsx,
  },
  {
    id: "GET /api/v1/imports/users/template",
    operationId: "accountTemplate",
    tag: "administration",
    access: "signedIn",
    query: templateQuerySchema,
    answer: xlsx,
  },
  { id: "GET /api/v1/audit/export", operationId: "exportAudit", tag: "administration", access: "signedIn", query: auditExportQuerySchema, answer: table },
  {
    id: "POST /api/v1/password/forgot",
    operationId: "forgotPassword",
    tag: "passwords",
    access: "public",
    body: { json: passwordForgotSchema },
    answer: { status: 202, kind: "json" },
    changesNothing: true,
  },
  { id: "POST /api/v1/password/set", operationId: "setPassword", tag: "passwords", access: "public", body: { json: passwordSetSchema }, answer: json },
] as const satisfies readonly Operation[];

/** "GET /api/v1/rankings": a route of the table, the key of the tables that say more about each. */
export type RouteId = (typeof TABLE)[number]["id"];
export const OPERATIONS: readonly (Operation & { id: RouteId })[] = TABLE;
