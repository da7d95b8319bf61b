// Every route of app/api/v1 with a generator of bad (and nearly good) requests for it: path ids,
// query strings, JSON bodies, multipart uploads of broken tables. One catalogue for the three
// runs: route handlers called directly (tests/integration/fuzz-api.test.ts), over HTTP in the
// end-to-end suite (tests/e2e/fuzz-api.test.ts), and `npm run fuzz` (scripts/fuzz-api.ts).
// The routes are those of lib/openapi/operations.ts; tests/integration/fuzz-api.test.ts fails
// when a route exists that is not listed there.
import fc from "fast-check";
import { cellText, isClearMessage, jsonBody, jsonValue, numberText, plausibleText, queryText } from "./arbitraries";
import type { Table } from "@/lib/io/table-file";
import { OPERATIONS, type RouteId } from "@/lib/openapi/operations";
import {
  csvText,
  fileOf,
  randomBytes,
  RESULT_CELLS,
  RESULT_COLUMNS,
  SCORE_CELLS,
  tableOf,
  TREE_CELLS,
  workbookSpec,
  writeWorkbook,
  type GeneratedWorkbook,
} from "./table-files";

/** Ids that exist in the database under test, so that requests often reach the rules behind the parsing. */
export type Known = {
  /** Scores of the open fuzz period (Sở Tư pháp self-scoring, Sở Nội vụ under appraisal), then others. */
  criterionScores: number[];
  /** Scores no request may change (the published demo year): the only targets in "safe" mode. */
  lockedCriterionScores: number[];
  periods: number[];
  lockedPeriods: number[];
  assessments: number[];
  frameworks: number[];
  /** Frameworks the fuzzing Home Affairs officer may not write (national ones). */
  foreignFrameworks: number[];
  directives: number[];
  evidence: number[];
  directiveFiles: number[];
};

/** An uploaded file: its bytes, or the table or workbook to write them from (see materialize). */
export type Upload = { name: string; type: string; bytes?: Uint8Array; table?: Table; spec?: GeneratedWorkbook };

export type Body =
  | { kind: "json"; value: unknown }
  | { kind: "text"; text: string; type: string }
  | { kind: "multipart"; fields: [string, string][]; file?: Upload & { field: string } };

export type FuzzRequest = { params: Record<string, string>; query: [string, string][]; body?: Body };

export type Endpoint = {
  /** "PUT /api/v1/criterion-scores/[id]/self-score": the method and the folder of its route.ts. */
  route: string;
  /** The demo user who sends the requests (allowed to use the route, so that input reaches validation), or null for the public. */
  actor: string | null;
  /** A write route's sender in "safe" mode: a user the route refuses (validation still answers first). */
  refusedActor?: string;
  /** Tables whose content a refused request must leave as it was. */
  tables: readonly string[];
  /** A POST that changes no data whatever it is sent (the forgot-password request: 202 for every e-mail). */
  changesNothing?: boolean;
  /**
   * Requests for the route. `safe`: none may be accepted as a write (the end-to-end database is
   * shared with the other test files): sent by refusedActor, imports are dry runs, targets are
   * locked or foreign.
   */
  requests: (known: Known, safe: boolean) => fc.Arbitrary<FuzzRequest>;
};

/** A request that may change data (a write route's answer below 400 is an accepted write). */
export const writes = (endpoint: Endpoint) => method(endpoint) !== "GET" && !endpoint.changesNothing;

export const method = (endpoint: Endpoint) => endpoint.route.split(" ")[0] as "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
export const pattern = (endpoint: Endpoint) => endpoint.route.split(" ")[1];

// ───────────────────────── Pieces ─────────────────────────

const BAD_IDS = [
  "0",
  "-1",
  "1.5",
  "1e3",
  "2147483647",
  "2147483648",
  "99999999999999999999",
  "abc",
  " 1",
  "0x10",
  "Infinity",
  "NaN",
  "%00",
  "1;DROP TABLE x",
  "١",
  "null",
  "[]",
];

/** A path id: an existing one, a malformed one, or any text (never "." or "..", which the URL resolves away). */
function idParam(ids: readonly number[]): fc.Arbitrary<string> {
  const existing = ids.length > 0 ? fc.constantFrom(...ids).map(String) : fc.integer({ min: 1, max: 5000 }).map(String);
  return fc
    .oneof(
      { weight: 6, arbitrary: existing },
      { weight: 3, arbitrary: fc.constantFrom(...BAD_IDS) },
      { weight: 2, arbitrary: queryText.map((text) => text.slice(0, 200)) },
    )
    .filter((id) => id !== "" && id !== "." && id !== "..");
}

/** Query parameters: the expected names with generated values, some missing, repeated or unknown. */
function query(names: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<[string, string][]> {
  const known = Object.entries(names).map(([name, value]) =>
    fc.option(
      fc
        .array(fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: queryText }), { minLength: 1, maxLength: 2 })
        .map((values) => values.map((v) => [name, v] as [string, string])),
      { nil: undefined },
    ),
  );
  return fc
    .tuple(fc.tuple(...known), fc.array(fc.tuple(fc.oneof(queryText, fc.constantFrom(...Object.keys(names))), queryText), { maxLength: 2 }))
    .map(([pairs, extra]) => [...pairs.flatMap((p) => p ?? []), ...extra]);
}

const formatValue = fc.constantFrom("csv", "xlsx", "CSV", "pdf", "", "xlsx ");
const documentFormat = fc.constantFrom("docx", "pdf", "PDF", "csv", "", "docx ");
const openDataFormatValue = fc.constantFrom("csv", "xlsx", "json", "JSON", "pdf", "", "json ");
const yearValue = fc.oneof(fc.constantFrom("2023", "2024", "2020", "2025", "1999", "2101"), numberText);
const indexValue = fc.constantFrom("PAR_INDEX", "SIPAS", "par_index", "INTERNAL_PAR", "X", "PAR INDEX");

/** An uploaded file for a table import: a generated table as CSV or XLSX, broken bytes, a wrong name, nothing. */
function tableUpload(columns: readonly string[], cells: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Upload | undefined> {
  const table = tableOf(columns, cells);
  const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(table, fc.boolean())
        .map(([t, semicolon]): Upload => ({ name: "bang.csv", type: "text/csv", bytes: fileOf(t, "csv", semicolon) as Buffer })),
    },
    { weight: 2, arbitrary: table.map((t): Upload => ({ name: "bang.xlsx", type: XLSX_TYPE, table: t })) },
    { weight: 2, arbitrary: csvText(columns).map((text): Upload => ({ name: "tho.csv", type: "text/csv", bytes: Buffer.from(text) })) },
    { weight: 1, arbitrary: workbookSpec(columns).map((spec): Upload => ({ name: "tho.xlsx", type: XLSX_TYPE, spec })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom("a.csv", "a.xlsx", "a.pdf", "a", "../../etc/passwd.csv", "Bảng điểm.XLSX", "a.csv.exe", ""), randomBytes)
        .map(([name, bytes]): Upload => ({ name, type: "application/octet-stream", bytes })),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Writes the XLSX files the generator only describes (writing a workbook is asynchronous). */
export async function materialize(request: FuzzRequest): Promise<FuzzRequest> {
  const body = request.body;
  if (body?.kind !== "multipart" || !body.file || body.file.bytes) return request;
  const { table, spec, ...file } = body.file;
  const bytes = table ? await fileOf(table, "xlsx") : await writeWorkbook(spec!);
  return { ...request, body: { ...body, file: { ...file, bytes } } };
}

/** A multipart form with a file field (sometimes under another name) and the given text fields; or a body that is not multipart at all. */
function uploadBody(file: ReturnType<typeof tableUpload>, fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Body | undefined> {
  const multipart = fc
    .tuple(file, fc.constantFrom("file", "file", "file", "tep", "File"), query(fields))
    .map(([f, field, pairs]): Body => ({ kind: "multipart", fields: pairs, file: f ? { ...f, field } : undefined }));
  return fc.oneof(
    { weight: 8, arbitrary: multipart },
    { weight: 1, arbitrary: jsonValue.map((value): Body => ({ kind: "json", value })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(queryText, fc.constantFrom("multipart/form-data", "multipart/form-data; boundary=x", "text/csv", "application/x-www-form-urlencoded"))
        .map(([text, type]): Body => ({ kind: "text", text, type })),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A JSON body of these fields, generated by jsonBody (some missing, mistyped or extra). */
const jsonOf = (fields: Record<string, fc.Arbitrary<unknown>>) => jsonBody(fields).map((value): Body => ({ kind: "json", value }));

/** { score, comment, version } of a score save: numbers or text, the Vietnamese comma, a version that may be stale. */
const SCORE_BODY = {
  score: fc.constantFrom("1", "0,5", "0", 1, 0.5, 2, "2.25", -1, "7,5"),
  comment: fc.oneof(fc.constantFrom("Đã thực hiện đầy đủ.", "", null), queryText),
  version: fc.constantFrom(0, "0", 1, 2, "1"),
};

const dryRunValue = (safe: boolean) => (safe ? fc.constant("1") : fc.constantFrom("1", "0", "true", "yes", "", "2"));
/** An import's dryRun in the query string: always "1" (a check, never a write) in safe mode. */
const dryRunQuery = (safe: boolean) => (safe ? fc.constant([["dryRun", "1"]] as [string, string][]) : query({ dryRun: dryRunValue(false) }));

/**
 * A table import of Home Affairs (refused for the leader): the file and `fields` in a multipart
 * form, dryRun also in the form. `columns`: the template's, `cells`: their generated values.
 */
function tableImport(
  tables: readonly string[],
  columns: readonly string[],
  cells: Record<string, fc.Arbitrary<string>>,
  fields: Record<string, fc.Arbitrary<string>> = {},
): Omit<Endpoint, "route"> {
  return {
    actor: "noivu@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables,
    requests: (_known, safe) =>
      fc.record({
        params: fc.constant({}),
        query: dryRunQuery(safe),
        body: uploadBody(tableUpload(columns, cells), { dryRun: dryRunValue(safe), ...fields }),
      }),
  };
}

// ───────────────────────── The routes ─────────────────────────

const ACCOUNT_TABLES = ["app_user", "password_token", "audit_log"];
const AGENCY_TABLES = ["agency", "peer_group", "agency_lineage", "audit_log"];
const PROVINCE_VALUE = fc.constantFrom("91", "01", "1", "99", "", "ab", "001");
const DAY_VALUE = fc.constantFrom("2025-07-01", "2025-02-30", "01/07/2025", "", "x");
const ROLE_VALUE = fc.constantFrom("ADMIN", "HOME_AFFAIRS", "LEADER", "AGENCY_HEAD", "admin", "");
const KIND_VALUE = fc.constantFrom("DEPARTMENT", "COMMUNE", "WARD", "SPECIAL_ZONE", "OTHER", "DISTRICT", "x");
const EMAIL_VALUE = fc.constantFrom("noivu@demo.local", "moi@kiemthu.gov.vn", "khong-phai-email", "a@b", "");
const ACCOUNT_BODY = {
  email: EMAIL_VALUE,
  name: fc.oneof(plausibleText, queryText),
  phone: fc.constantFrom("0912 345 678", "x", ""),
  role: ROLE_VALUE,
  provinceCode: PROVINCE_VALUE,
  agencyId: numberText,
};
const AGENCY_BODY = {
  code: fc.constantFrom("XA-01", "STP", "a b", "", "Ữ"),
  name: fc.oneof(plausibleText, queryText),
  shortName: plausibleText,
  kind: KIND_VALUE,
  peerGroup: fc.constantFrom("Xã, phường", "", "Sở"),
  contactEmail: EMAIL_VALUE,
  contactPhone: fc.constantFrom("0912 345 678", "x", ""),
};
const AGENCY_CELLS: Record<string, fc.Arbitrary<string>> = {
  code: fc.oneof(fc.constantFrom("XA-01", "STP", "a b", ""), cellText),
  name: fc.oneof(plausibleText, cellText),
  kind: fc.oneof(fc.constantFrom("UBND xã", "ubnd phuong", "COMMUNE", "Bộ", ""), cellText),
  valid_from: fc.constantFrom("01/07/2025", "2025-07-01", "45839", "31/02/2025", ""),
};
const ACCOUNT_CELLS: Record<string, fc.Arbitrary<string>> = {
  email: fc.oneof(fc.constantFrom("moi@kiemthu.gov.vn", "noivu@demo.local", "x"), cellText),
  name: fc.oneof(plausibleText, cellText),
  role: fc.constantFrom("Lãnh đạo UBND tỉnh", "AGENCY_HEAD", "Quản trị hệ thống", "x", ""),
  agency_code: fc.constantFrom("STP", "SNV", "KHONG-CO", ""),
};

const SCORE_TABLES = ["criterion_score", "assessment", "stored_file", "audit_log"];
const RESULT_TABLES = ["published_result", "result_component", "result_criterion_score", "audit_log"];
const FRAMEWORK_TABLES = ["framework", "criterion", "framework_component", "grade_band", "audit_log"];

// How each route of the OpenAPI table (lib/openapi/operations.ts) is fuzzed.
const FUZZING: Record<RouteId, Omit<Endpoint, "route" | "changesNothing">> = {
  "GET /api/v1/rankings": {
    actor: null,
    tables: RESULT_TABLES,
    requests: () => fc.record({ params: fc.constant({}), query: query({ index: indexValue, year: yearValue }) }),
  },
  "GET /api/v1/rankings/export": {
    actor: null,
    tables: RESULT_TABLES,
    requests: () =>
      fc.record({
        params: fc.constant({}),
        query: query({
          index: indexValue,
          year: yearValue,
          region: fc.constantFrom("DBSH", "none", "", "XX", "dbsh"),
          format: formatValue,
        }),
      }),
  },
  "GET /api/v1/exports/results": {
    actor: null,
    tables: RESULT_TABLES,
    requests: () => fc.record({ params: fc.constant({}), query: query({ index: indexValue, year: yearValue, format: formatValue }) }),
  },
  "GET /api/v1/open-data/results": {
    actor: null,
    tables: RESULT_TABLES,
    requests: () => fc.record({ params: fc.constant({}), query: query({ format: openDataFormatValue }) }),
  },
  "GET /api/v1/open-data/averages": {
    actor: null,
    tables: RESULT_TABLES,
    requests: () => fc.record({ params: fc.constant({}), query: query({ format: openDataFormatValue }) }),
  },
  "GET /api/v1/open-data/provinces/[code]": {
    actor: null,
    tables: RESULT_TABLES,
    requests: () =>
      fc.record({
        params: fc.record({ code: fc.oneof(fc.constantFrom("91", "91.json", "01", "99", "9", "abc", "91.JSON", ""), fc.string({ maxLength: 8 })) }),
        query: fc.constant([]),
      }),
  },
  "GET /api/v1/openapi.json": {
    actor: null,
    tables: [],
    requests: () => fc.record({ params: fc.constant({}), query: query({ lang: fc.constantFrom("vi", "en", "", "fr", "EN") }) }),
  },
  "POST /api/v1/imports/results": tableImport(RESULT_TABLES, RESULT_COLUMNS, RESULT_CELLS),

  "GET /api/v1/assessment-periods/[id]/scores": {
    actor: "noivu@demo.local",
    tables: SCORE_TABLES,
    requests: (known) =>
      fc.record({
        params: fc.record({ id: idParam([...known.periods, ...known.lockedPeriods]) }),
        query: query({ format: formatValue, assessmentId: idParam(known.assessments) }),
      }),
  },
  "GET /api/v1/assessment-periods/[id]/progress": {
    actor: "noivu@demo.local",
    tables: SCORE_TABLES,
    requests: (known) =>
      fc.record({
        params: fc.record({ id: idParam([...known.periods, ...known.lockedPeriods]) }),
        query: fc.constant([] as [string, string][]),
      }),
  },
  "GET /api/v1/assessment-periods/[id]/survey-template": {
    actor: "noivu@demo.local",
    tables: SCORE_TABLES,
    requests: (known) =>
      fc.record({
        params: fc.record({ id: idParam([...known.periods, ...known.lockedPeriods]) }),
        query: fc.constant([] as [string, string][]),
      }),
  },
  "POST /api/v1/assessment-periods/[id]/scores": {
    actor: "noivu@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables: SCORE_TABLES,
    requests: (known, safe) =>
      fc.record({
        params: fc.record({ id: idParam(safe ? known.lockedPeriods : known.periods) }),
        query: dryRunQuery(safe),
        body: uploadBody(tableUpload(["agency_code", "agency_name", "code", "name", "max_points", "self_score", "appraised_score", "comment"], SCORE_CELLS), {
          dryRun: dryRunValue(safe),
          assessmentId: idParam(known.assessments),
        }),
      }),
  },
  "PUT /api/v1/criterion-scores/[id]/self-score": {
    actor: "thutruong@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables: SCORE_TABLES,
    requests: (known, safe) =>
      fc.record({
        params: fc.record({ id: idParam(safe ? known.lockedCriterionScores : known.criterionScores) }),
        query: fc.constant([]),
        body: jsonOf(SCORE_BODY),
      }),
  },
  "PUT /api/v1/criterion-scores/[id]/appraisal": {
    actor: "noivu@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables: SCORE_TABLES,
    requests: (known, safe) =>
      fc.record({
        params: fc.record({ id: idParam(safe ? known.lockedCriterionScores : known.criterionScores) }),
        query: fc.constant([]),
        body: fc.oneof(
          { weight: 9, arbitrary: jsonOf(SCORE_BODY) },
          { weight: 1, arbitrary: queryText.map((text): Body => ({ kind: "text", text, type: "application/json" })) },
        ),
      }),
  },
  "GET /api/v1/evidence/[id]": {
    actor: "thutruong@demo.local",
    tables: SCORE_TABLES,
    requests: (known) => fc.record({ params: fc.record({ id: idParam(known.evidence) }), query: fc.constant([]) }),
  },
  "GET /api/v1/directive-files/[id]": {
    actor: "noivu@demo.local",
    tables: ["directive", "stored_file", "audit_log"],
    requests: (known) => fc.record({ params: fc.record({ id: idParam(known.directiveFiles) }), query: fc.constant([]) }),
  },
  "GET /api/v1/directives/[id]/report": {
    actor: "noivu@demo.local",
    tables: ["directive", "periodic_report", "audit_log"],
    requests: (known) =>
      fc.record({
        params: fc.record({ id: idParam(known.directives) }),
        query: query({ period: fc.constantFrom("2019-Q1", "2019-H2", "2019", "2019-Q5", "Q1", ""), format: formatValue }),
      }),
  },
  // The documents (DOCX/PDF) read what their pages read and change nothing.
  "GET /api/v1/documents/self-assessment": {
    actor: "noivu@demo.local",
    tables: SCORE_TABLES,
    requests: (known) => fc.record({ params: fc.constant({}), query: query({ assessmentId: idParam(known.assessments), format: documentFormat }) }),
  },
  "GET /api/v1/documents/appraisal-notice": {
    actor: "noivu@demo.local",
    tables: SCORE_TABLES,
    requests: (known) => fc.record({ params: fc.constant({}), query: query({ assessmentId: idParam(known.assessments), format: documentFormat }) }),
  },
  "GET /api/v1/documents/ranking-annex": {
    actor: "noivu@demo.local",
    tables: SCORE_TABLES,
    requests: (known) =>
      fc.record({ params: fc.constant({}), query: query({ periodId: idParam([...known.periods, ...known.lockedPeriods]), format: documentFormat }) }),
  },
  "GET /api/v1/documents/directive-report": {
    actor: "noivu@demo.local",
    tables: ["directive", "periodic_report", "audit_log"],
    requests: (known) =>
      fc.record({
        params: fc.constant({}),
        query: query({
          directiveId: idParam(known.directives),
          period: fc.constantFrom("2019-Q1", "2019-H2", "2019", "2019-Q5", "Q1", ""),
          format: documentFormat,
        }),
      }),
  },
  "GET /api/v1/documents/leader-summary": {
    actor: "lanhdao@demo.local",
    tables: RESULT_TABLES,
    requests: () =>
      fc.record({
        params: fc.constant({}),
        query: query({ province: fc.constantFrom("91", "89", "01", "9", "xx", ""), year: yearValue, format: documentFormat }),
      }),
  },
  "GET /api/v1/frameworks/[id]": {
    actor: "noivu@demo.local",
    tables: FRAMEWORK_TABLES,
    requests: (known) => fc.record({ params: fc.record({ id: idParam(known.frameworks) }), query: fc.constant([]) }),
  },
  "GET /api/v1/frameworks/[id]/export": {
    actor: "noivu@demo.local",
    tables: FRAMEWORK_TABLES,
    requests: (known) => fc.record({ params: fc.record({ id: idParam(known.frameworks) }), query: query({ format: formatValue }) }),
  },
  "POST /api/v1/frameworks/[id]/import": {
    actor: "quantri@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables: FRAMEWORK_TABLES,
    requests: (known, safe) =>
      fc.record({
        params: fc.record({ id: idParam(safe ? known.foreignFrameworks : known.frameworks) }),
        query: fc.constant([]),
        body: uploadBody(tableUpload(["code", "parent_code", "level", "name", "max_points", "method", "guidance", "required_evidence"], TREE_CELLS), {
          revision: fc.oneof(fc.constantFrom("0", "1", "2"), numberText),
        }),
      }),
  },
  "GET /api/v1/audit/export": {
    actor: "noivu@demo.local",
    tables: ["audit_log"],
    requests: () =>
      fc.record({
        params: fc.constant({}),
        query: query({
          user: fc.constantFrom("noivu@demo.local", "x", ""),
          entity: fc.constantFrom("CriterionScore", "PublishedResult", ""),
          entityId: plausibleText,
          from: fc.constantFrom("2025-01-01", "2025-13-01", "2025-02-30", "01/01/2025", ""),
          to: fc.constantFrom("2026-12-31", "2024-01-01", "x", ""),
          province: fc.constantFrom("91", "1", "0", "2147483648", ""),
          page: numberText,
          format: formatValue,
        }),
      }),
  },
  // ── Administration (issue 13) ──
  "GET /api/v1/users": {
    actor: "noivu@demo.local",
    tables: ACCOUNT_TABLES,
    requests: () =>
      fc.record({
        params: fc.constant({}),
        query: query({
          q: plausibleText,
          role: ROLE_VALUE,
          province: PROVINCE_VALUE,
          agencyId: numberText,
          status: fc.constantFrom("active", "invited", "disabled", "locked", "x", ""),
          signedInBefore: DAY_VALUE,
          page: numberText,
        }),
      }),
  },
  "POST /api/v1/users": {
    actor: "noivu@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables: ACCOUNT_TABLES,
    requests: () => fc.record({ params: fc.constant({}), query: fc.constant([]), body: jsonOf(ACCOUNT_BODY) }),
  },
  "PATCH /api/v1/users/[id]": {
    actor: "noivu@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables: ACCOUNT_TABLES,
    requests: () =>
      fc.record({
        params: fc.record({ id: idParam([]) }),
        query: fc.constant([]),
        body: jsonOf({ ...ACCOUNT_BODY, version: fc.constantFrom(0, "0", 1, -1, "x"), disabled: fc.constantFrom(true, false, "true", "x", 1) }),
      }),
  },
  "POST /api/v1/users/[id]/reset": {
    actor: "noivu@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables: ACCOUNT_TABLES,
    requests: () => fc.record({ params: fc.record({ id: idParam([]) }), query: fc.constant([]) }),
  },
  "GET /api/v1/agencies": {
    actor: "noivu@demo.local",
    tables: AGENCY_TABLES,
    requests: () =>
      fc.record({
        params: fc.constant({}),
        query: query({ province: PROVINCE_VALUE, q: plausibleText, kind: KIND_VALUE, status: fc.constantFrom("current", "ended", "all", "x", "") }),
      }),
  },
  "POST /api/v1/agencies": {
    actor: "noivu@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables: AGENCY_TABLES,
    requests: () =>
      fc.record({
        params: fc.constant({}),
        query: fc.constant([]),
        body: jsonOf({ ...AGENCY_BODY, provinceCode: PROVINCE_VALUE, validFrom: DAY_VALUE }),
      }),
  },
  "PATCH /api/v1/agencies/[id]": {
    actor: "noivu@demo.local",
    refusedActor: "lanhdao@demo.local",
    tables: AGENCY_TABLES,
    requests: () =>
      fc.record({
        params: fc.record({ id: idParam([]) }),
        query: fc.constant([]),
        body: jsonOf({ ...AGENCY_BODY, version: fc.constantFrom(0, "0", 1, -1, "x"), validTo: DAY_VALUE }),
      }),
  },
  "POST /api/v1/imports/agencies": tableImport(
    AGENCY_TABLES,
    ["code", "name", "short_name", "kind", "peer_group", "contact_email", "contact_phone", "valid_from"],
    AGENCY_CELLS,
    { province: PROVINCE_VALUE },
  ),

  "POST /api/v1/imports/users": tableImport(ACCOUNT_TABLES, ["email", "name", "phone", "role", "agency_code"], ACCOUNT_CELLS, { province: PROVINCE_VALUE }),

  "GET /api/v1/imports/agencies/template": {
    actor: "noivu@demo.local",
    tables: AGENCY_TABLES,
    requests: () => fc.record({ params: fc.constant({}), query: query({ province: PROVINCE_VALUE }) }),
  },
  "GET /api/v1/imports/users/template": {
    actor: "noivu@demo.local",
    tables: ACCOUNT_TABLES,
    requests: () => fc.record({ params: fc.constant({}), query: query({ province: PROVINCE_VALUE }) }),
  },
  "POST /api/v1/password/set": {
    actor: null,
    tables: ACCOUNT_TABLES,
    requests: () =>
      fc.record({
        params: fc.constant({}),
        query: fc.constant([]),
        body: jsonOf({
          token: fc.oneof(fc.constantFrom("abc", "AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", ""), queryText),
          password: fc.oneof(fc.constantFrom("Mùa thu Hà Nội lá vàng rơi", "password1234", ""), queryText),
        }),
      }),
  },
  "POST /api/v1/password/forgot": {
    actor: null,
    tables: ACCOUNT_TABLES,
    requests: () =>
      fc.record({
        params: fc.constant({}),
        query: fc.constant([]),
        body: jsonOf({ email: fc.oneof(EMAIL_VALUE, queryText) }),
      }),
  },
};

export const CATALOGUE: readonly Endpoint[] = OPERATIONS.map((operation) => ({
  route: operation.id,
  changesNothing: operation.changesNothing,
  ...FUZZING[operation.id],
}));

// ───────────────────────── Sending and checking ─────────────────────────

/** The Request a client would send (the path ids encoded into the URL). */
export function toRequest(baseUrl: string, endpoint: Endpoint, request: FuzzRequest): Request {
  // A URL cannot carry a lone surrogate: the client sends U+FFFD instead.
  const path = pattern(endpoint).replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent((request.params[name] ?? "").toWellFormed()));
  const url = new URL(path, baseUrl);
  for (const [name, value] of request.query) url.searchParams.append(name, value);
  const init: RequestInit = { method: method(endpoint) };
  const body = request.body;
  if (body && init.method !== "GET") {
    if (body.kind === "json") {
      const text = JSON.stringify(body.value);
      if (text !== undefined) init.body = text;
      init.headers = { "Content-Type": "application/json" };
    } else if (body.kind === "text") {
      init.body = body.text;
      init.headers = { "Content-Type": body.type };
    } else {
      const form = new FormData();
      for (const [name, value] of body.fields) form.append(name, value);
      if (body.file)
        form.append(body.file.field, new File([(body.file.bytes ?? new Uint8Array()) as Uint8Array<ArrayBuffer>], body.file.name, { type: body.file.type }));
      init.body = form;
    }
  }
  return new Request(url, init);
}

export type Reply = { status: number; contentType: string; disposition: string | null; text: string };

// Node's HTTP server refuses a request whose headers (the address and the cookies included) pass
// 16 KiB with a bare 431, before the app sees it: nothing the portal can word.
const NEAR_HEADER_LIMIT = 12 * 1024;

/**
 * What is wrong with a reply, or null: never a 5xx; a refusal is JSON with a clear `error`; a file
 * is an attachment. `url`: over HTTP, the address sent (a huge one may get Node's bare 431).
 */
export function replyProblem(reply: Reply, url?: string): string | null {
  if (reply.status === 431 && url && Buffer.byteLength(url) > NEAR_HEADER_LIMIT) return null;
  if (reply.status >= 500) return `status ${reply.status}: ${reply.text.slice(0, 300)}`;
  if (reply.status >= 400) {
    if (!reply.contentType.includes("application/json")) return `status ${reply.status} without JSON (${reply.contentType}): ${reply.text.slice(0, 200)}`;
    let error: unknown;
    try {
      error = (JSON.parse(reply.text) as { error?: unknown }).error;
    } catch {
      return `status ${reply.status} with a body that is not JSON: ${reply.text.slice(0, 200)}`;
    }
    if (!isClearMessage(error)) return `status ${reply.status} without a clear error: ${JSON.stringify(error)?.slice(0, 300)}`;
  } else if (reply.disposition !== null && !reply.disposition.startsWith("attachment")) {
    return `a file served inline: ${reply.disposition}`;
  }
  return null;
}

/** A route's answer as the checks read it. */
export async function replyOf(response: Response): Promise<Reply> {
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    disposition: response.headers.get("content-disposition"),
    text: await response.text(),
  };
}

/** Tallies per route for the report. */
export type Tally = { route: string; inputs: number; byStatus: Record<string, number>; accepted: number; ms: number };

/** Counts a reply in its route's tally, and throws what is wrong with it (replyProblem). */
export function recordReply(tally: Tally, reply: Reply, url?: string): void {
  tally.inputs++;
  tally.byStatus[reply.status] = (tally.byStatus[reply.status] ?? 0) + 1;
  const problem = replyProblem(reply, url);
  if (problem) throw new Error(problem);
}

export function tallyLine(t: Tally): string {
  const statuses = Object.entries(t.byStatus)
    .sort()
    .map(([status, n]) => `${status}×${n}`)
    .join(" ");
  return `${t.route}: ${t.inputs} inputs in ${(t.ms / 1000).toFixed(1)} s (${statuses})`;
}
