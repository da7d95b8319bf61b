// The authorization table over real HTTP against `next start`, with the session cookies of a real
// sign-in: every protected route answers 401 signed out; for seeded data of each unit (own
// agency, own province, a unit An Giang was formed from, another province, national), each role
// gets what tests/support/endpoints.ts and lib/auth/policy.ts say, and refused writes change
// nothing. Writes that are allowed run as dry runs or with unchanged files, so that every check
// reads the seeded data. The full matrix (every entry point, fresh data) is
// tests/integration/authorization-matrix.test.ts.
import Papa from "papaparse";
import type { APIRequestContext, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/policy";
import { ENDPOINTS, expected, ROLES, type Role, type Unit } from "../support/endpoints";
import { e2e } from "../support/portal";

const { baseUrl, browser, as } = await e2e();
let anonymous: BrowserContext;
const sessions = {} as Record<Role, BrowserContext>;
let checked = 0;

beforeAll(async () => {
  anonymous = await browser.newContext();
  for (const role of ROLES) {
    const { context, page } = await as(role);
    await page.close();
    sessions[role] = context;
  }
});
afterAll(() => {
  console.log(`Authorization over HTTP: ${checked} requests checked.`);
});

const api = (role: Role): APIRequestContext => sessions[role].request;

/** The ids behind links of a page, read as an administrator. */
async function hrefOf(path: string, selector: string): Promise<string> {
  const page = await sessions.ADMIN.newPage();
  try {
    await page.goto(`${baseUrl}${path}`);
    const href = await page.locator(selector).first().getAttribute("href");
    if (!href) throw new Error(`no link ${selector} on ${path}`);
    return href;
  } finally {
    await page.close();
  }
}
const idOf = (href: string) => Number(/(\d+)(?:\?.*)?$/.exec(href)![1]);

/** The entry's case for data of `unit` (an import has one for its own province's rows, one for other provinces'). */
function caseOf(id: string, unit: Unit) {
  const entry = ENDPOINTS.find((e) => e.id === id);
  if (!entry) throw new Error(`${id} is not in tests/support/endpoints.ts`);
  return entry.cases.find((c) => c.units.includes(unit)) ?? entry.cases[0];
}

/** The status the table expects for a role on data of a unit, as HTTP. */
function expectedStatus(id: string, role: Role, unit: Unit): number[] {
  const want = expected(caseOf(id, unit), role, unit, PERMISSIONS);
  return want === "ok" ? [200] : want === "refusedByRow" ? [400] : [want];
}

const csv = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

describe("signed out", () => {
  const routes = ENDPOINTS.filter((e) => e.kind === "route" && e.cases.length > 0);

  it.each(routes.map((e) => [e.id, e] as const))("%s", async (id, entry) => {
    const [method, pattern] = id.split(" ");
    const url = `${baseUrl}${pattern.replace(/\[\w+\]/g, "1")}`;
    const options = method === "PUT" ? { data: { score: 1, version: 0 } } : method === "POST" ? { multipart: { file: csv("a.csv", "x\n") } } : {};
    const response = await anonymous.request.fetch(url, { method, ...options });
    checked++;
    if (entry.cases.every((c) => c.permission === "public")) expect([401, 403]).not.toContain(response.status());
    else {
      expect(response.status()).toBe(401);
      expect((await response.json()).error).toBe("Vui lòng đăng nhập.");
    }
  });
});

describe("signed in: each role on seeded data of each unit", () => {
  let periodId: number;
  const sheet = {} as Record<"STP" | "SNV", number>;
  let frameworkId: number;
  let nationalFrameworkId: number;
  const directive = {} as Record<"formerUnit" | "otherProvince", number>;

  beforeAll(async () => {
    periodId = idOf(await hrefOf("/danh-gia", "a:text-is('Năm 2025')"));
    for (const code of ["STP", "SNV"] as const) sheet[code] = idOf(await hrefOf(`/danh-gia/${periodId}`, `tr[data-agency=${code}] a`));
    frameworkId = idOf(await hrefOf("/bo-chi-so", "tr[data-framework-key=an-giang-so-ban-nganh] a"));
    nationalFrameworkId = idOf(await hrefOf("/bo-chi-so", "tr[data-framework-key=par-index-provincial] a"));
    // 1020/UBND-TH of An Giang before the merger; 4183/KH-UBND of Quảng Nam.
    directive.formerUnit = idOf(await hrefOf("/van-ban", "tr[data-number='1020/UBND-TH'] a"));
    directive.otherProvince = idOf(await hrefOf("/van-ban", "tr[data-number='4183/KH-UBND'] a"));
  });

  async function check(id: string, unit: Unit, request: (role: Role) => Promise<{ status(): number; text(): Promise<string> }>) {
    const problems: string[] = [];
    for (const role of ROLES) {
      const response = await request(role);
      checked++;
      const want = expectedStatus(id, role, unit);
      if (!want.includes(response.status()))
        problems.push(`${role}: expected ${want.join(" or ")}, got ${response.status()} ${(await response.text()).slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
  }

  it("reads an agency's scores: its own agency's head, the province's staff and leaders, administrators", async () => {
    const id = "GET /api/v1/assessment-periods/[id]/scores";
    for (const [code, unit] of [
      ["STP", "ownAgency"],
      ["SNV", "ownProvince"],
    ] as const) {
      await check(id, unit, (role) => api(role).get(`${baseUrl}/api/v1/assessment-periods/${periodId}/scores?format=csv&assessmentId=${sheet[code]}`));
    }
  });

  it("reads a directive's compiled reports through the lineage, never another province's", async () => {
    const id = "GET /api/v1/directives/[id]/report";
    for (const unit of ["formerUnit", "otherProvince"] as const) {
      await check(id, unit, (role) => api(role).get(`${baseUrl}/api/v1/directives/${directive[unit]}/report?format=csv`));
    }
  });

  it("reads the province's internal framework and a national one", async () => {
    for (const [framework, unit] of [
      [frameworkId, "ownProvince"],
      [nationalFrameworkId, "national"],
    ] as const) {
      await check("GET /api/v1/frameworks/[id]", unit, (role) => api(role).get(`${baseUrl}/api/v1/frameworks/${framework}`));
      await check("GET /api/v1/frameworks/[id]/export", unit, (role) => api(role).get(`${baseUrl}/api/v1/frameworks/${framework}/export?format=csv`));
    }
  });

  it("refuses writes to whoever the table denies, and the refused writes change nothing", async () => {
    const periodExport = () =>
      api("ADMIN")
        .get(`${baseUrl}/api/v1/assessment-periods/${periodId}/scores?format=csv`)
        .then((r) => r.text());
    const resultsExport = (year: number) =>
      api("ADMIN")
        .get(`${baseUrl}/api/v1/exports/results?index=PAR_INDEX&year=${year}&format=csv`)
        .then((r) => r.text());
    const treeExport = () =>
      api("ADMIN")
        .get(`${baseUrl}/api/v1/frameworks/${frameworkId}/export?format=csv`)
        .then((r) => r.text());
    const before = [await periodExport(), await resultsExport(2023), await treeExport()];

    // Scores of one agency's sheet, unchanged, as a dry run: allowed to who may score it.
    for (const [code, unit] of [
      ["STP", "ownAgency"],
      ["SNV", "ownProvince"],
    ] as const) {
      const file = await api("ADMIN")
        .get(`${baseUrl}/api/v1/assessment-periods/${periodId}/scores?format=csv&assessmentId=${sheet[code]}`)
        .then((r) => r.body());
      await check("POST /api/v1/assessment-periods/[id]/scores", unit, (role) =>
        api(role).post(`${baseUrl}/api/v1/assessment-periods/${periodId}/scores`, {
          multipart: { file: { name: "diem.csv", mimeType: "text/csv", buffer: file }, assessmentId: String(sheet[code]), dryRun: "1" },
        }),
      );
    }

    // Quảng Ninh's PAR INDEX 2023 with another source: only an administrator may change another province's result.
    const [header, ...rows] = Papa.parse<string[]>((await resultsExport(2023)).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    const quangNinh = rows.find((row) => row[header.indexOf("unit_code")] === "22")!;
    quangNinh[header.indexOf("source")] = "Nguồn khác";
    const changed = Papa.unparse([header, quangNinh]);
    await check("POST /api/v1/imports/results", "otherProvince", (role) =>
      api(role).post(`${baseUrl}/api/v1/imports/results`, { multipart: { file: csv("ket-qua.csv", changed), dryRun: "1" } }),
    );

    // The criteria tree exactly as exported: an administrator's import changes nothing, everyone else is refused.
    const tree = await treeExport();
    const { revision } = await api("ADMIN")
      .get(`${baseUrl}/api/v1/frameworks/${frameworkId}`)
      .then((r) => r.json());
    await check("POST /api/v1/frameworks/[id]/import", "ownProvince", (role) =>
      api(role).post(`${baseUrl}/api/v1/frameworks/${frameworkId}/import`, {
        multipart: { file: csv("cay.csv", tree), revision: String(revision) },
      }),
    );

    expect([await periodExport(), await resultsExport(2023), await treeExport()]).toEqual(before);
  });
});
