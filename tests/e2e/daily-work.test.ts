// Everyday work in Chromium (issue 14, the home page and dashboard part), on the demo data as
// `npm start` has it: the finished 2025 period and the open period of the current year with the
// agencies at different steps. Each role's first screen shows what waits for it, with counts that
// match the database and links to the page that acts on it; the leader sees what is off track above
// the fold; no page any role reaches scrolls sideways on a 390 px phone.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { screenshot } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, databaseUrl, as } = await e2e({ demoInProgress: true, viewport: { width: 1366, height: 768 } });
const db = createPrismaClient(databaseUrl, 1);
afterAll(() => db.$disconnect());
const YEAR = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()).slice(0, 4));
const PHONE = { width: 390, height: 844 };

/** The cards of the page as kind → count. */
async function cards(page: Page): Promise<Record<string, number>> {
  const items = page.locator("[data-testid=pending-cards] > li");
  await items.first().waitFor();
  const entries = await items.evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-kind"), Number(n.getAttribute("data-count"))]));
  return Object.fromEntries(entries);
}

let openPeriod: { id: number; assessments: { id: number; status: string; agency: { code: string } }[] };
let stpSheet: { id: number; scorable: number; scored: number };

beforeAll(async () => {
  openPeriod = await db.assessmentPeriod.findFirstOrThrow({
    where: { year: YEAR, isDemo: true },
    include: { assessments: { include: { agency: { select: { code: true } } } } },
  });
  const stp = openPeriod.assessments.find((a) => a.agency.code === "STP")!;
  const scores = await db.criterionScore.findMany({ where: { assessmentId: stp.id, criterion: { method: "APPRAISAL" } } });
  stpSheet = { id: stp.id, scorable: scores.length, scored: scores.filter((s) => s.selfScore !== null).length };
});

describe("pending work on the first screen", () => {
  it("shows the agency head the self-scoring due with its progress and deadline, and leads to the sheet", async () => {
    const { page } = await as("AGENCY_HEAD");
    expect(await cards(page)).toEqual({ selfScoring: stpSheet.scorable - stpSheet.scored, explanationRequests: 0, overdueTasks: 0 });
    const card = page.locator("[data-kind=selfScoring]");
    await expect(card.textContent()).resolves.toContain(`Đã chấm ${stpSheet.scored}/${stpSheet.scorable} tiêu chí`);
    await expect(card.textContent()).resolves.toMatch(/Hạn: \d\d\/\d\d\/\d{4}/);
    await screenshot(page, "trang-chu-thutruong-1366");
    await card.locator("a").click();
    await page.waitForURL(new RegExp(`/danh-gia/phieu/${stpSheet.id}$`));
  });

  it("shows Home Affairs the sheets to appraise, the explanations answered and the agencies still self-scoring, the same on 'Việc của tôi'", async () => {
    const { page } = await as("HOME_AFFAIRS");
    const count = (status: string) => openPeriod.assessments.filter((a) => a.status === status).length;
    const expected = { submitted: count("SUBMITTED"), explanationsAnswered: 1, stillSelfScoring: count("DRAFT"), overdueTasks: 0 };
    expect(expected).toMatchObject({ submitted: 1, stillSelfScoring: 11 });
    expect(await cards(page)).toEqual(expected);
    await page.goto(`${baseUrl}/viec-cua-toi`);
    expect(await cards(page)).toEqual(expected);
    // One submitted sheet: its card opens that sheet.
    const snv = openPeriod.assessments.find((a) => a.agency.code === "SNV")!;
    await page.locator("[data-kind=submitted] a").click();
    await page.waitForURL(new RegExp(`/danh-gia/phieu/${snv.id}$`));
  });

  it("shows the leader the agencies still self-scoring and the overdue tasks", async () => {
    const { page } = await as("LEADER");
    expect(await cards(page)).toEqual({ stillSelfScoring: 11, overdueTasks: 0 });
  });
});

describe("the leader finds what is off track in the first screen", () => {
  beforeAll(async () => {
    // A plan of the province with a task past its due date and an agency's score target of 2025 it missed.
    const anGiang = await db.province.findFirstOrThrow({ where: { code: "91", validTo: null } });
    const stp = await db.agency.findFirstOrThrow({ where: { code: "STP", provinceId: anGiang.id } });
    await db.directive.create({
      data: {
        provinceId: anGiang.id,
        number: "4400/KH-UBND",
        kind: "KE_HOACH",
        issuer: "UBND tỉnh An Giang",
        issuedOn: new Date("2025-02-10T00:00:00Z"),
        title: "Kế hoạch cải thiện Chỉ số CCHC năm 2025",
        years: [2025],
        reporting: [],
        tasks: { create: [{ sortOrder: 1, title: "Số hóa hồ sơ thủ tục hành chính", leadAgencyId: stp.id, dueOn: new Date("2025-09-30T00:00:00Z") }] },
        targets: { create: [{ kind: "MIN_SCORE", indexCode: "INTERNAL_PAR", year: 2025, value: 99.5, unit: "điểm", agencyId: stp.id }] },
      },
    });
  });

  it("sees the missed target, the overdue task with its lead agency and the lowest agencies above the fold", async () => {
    const { page } = await as("LEADER");
    await page.getByRole("link", { name: "Bảng điều khiển của tỉnh" }).click();
    await page.waitForURL(/\/bang-dieu-khien$/);
    const strip = page.getByTestId("summary-strip");
    const box = (await strip.boundingBox())!;
    expect(box.y + box.height, "the whole strip fits in the first 1366×768 screen").toBeLessThanOrEqual(768);

    await expect(page.getByTestId("summary-targets").getAttribute("data-count")).resolves.toBe("1");
    await expect(page.getByTestId("summary-targets").textContent()).resolves.toContain("Không đạt");
    const tasks = (await page.getByTestId("summary-tasks").textContent())!;
    expect(tasks).toContain("Số hóa hồ sơ thủ tục hành chính");
    expect(tasks).toContain("Chủ trì: Sở Tư pháp");
    expect(tasks).toContain("hạn 30/09/2025");

    // The three lowest final totals of 2025, lowest first, as stored.
    const lowest = await db.assessment.findMany({
      where: { period: { year: 2025, isDemo: true } },
      include: { agency: true },
      orderBy: [{ finalTotal: "asc" }, { rank: "desc" }],
      take: 3,
    });
    const shown = await page.locator("[data-testid=summary-agencies] li").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-agency")));
    expect(shown).toEqual(lowest.map((a) => a.agency.code));

    // The agency bars carry a legend of the classifications.
    await expect(page.getByTestId("band-legend").textContent()).resolves.toContain("Xuất sắc");
    await screenshot(page, "bang-dieu-khien-lanhdao-1366");
  });

  it("says plainly that no sheet of the open year is finalized", async () => {
    const { page } = await as("LEADER", { at: `/bang-dieu-khien?nam=${YEAR}` });
    await expect(page.getByTestId(`no-lost-${YEAR}`).textContent()).resolves.toContain(`Chưa có phiếu nào được chốt điểm năm ${YEAR}`);
    await expect(page.getByTestId("summary-agencies").textContent()).resolves.toContain(`Chưa có phiếu nào được chốt điểm năm ${YEAR}`);
  });
});

describe("keyboard", () => {
  it("reaches 'Bỏ qua menu' first and jumps past the header; focus shows a 2 px ring", async () => {
    const { page } = await as("HOME_AFFAIRS");
    await page.keyboard.press("Tab");
    const skip = page.getByTestId("skip-link");
    await expect(skip.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    await expect(skip.textContent()).resolves.toBe("Bỏ qua menu");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("noi-dung");
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { width: style.outlineWidth, style: style.outlineStyle };
    });
    expect(ring).toEqual({ width: "2px", style: "solid" });
  });
});

describe("phones: no page a role reaches scrolls sideways at 390 px", () => {
  // A public page is laid out the same for every role (only the header differs, and it is checked
  // on every portal page): each is visited once, by the first role whose menu reaches it.
  const publicSeen = new Set<string>();
  const PUBLIC = /^\/($|du-lieu|so-sanh|tinh\/|xep-hang)/; // app/(public) and the home page
  it.each(["HOME_AFFAIRS", "AGENCY_HEAD", "LEADER", "ADMIN"] as const)(
    "%s",
    async (role) => {
      const stpId = (await db.agency.findFirstOrThrow({ where: { code: "STP" } })).id;
      const directive = (await db.directive.findFirstOrThrow({ where: { number: "1020/UBND-TH" } })).id;
      // Every page of the role's menu, and the pages one step further that people work on.
      const details = [`/danh-gia/${openPeriod.id}`, `/danh-gia/phieu/${stpSheet.id}`, `/co-quan/${stpId}`, `/van-ban/${directive}`, "/tinh/91"];
      const overflowing: string[] = [];
      const { page, context } = await as(role, { viewport: PHONE });
      const menu = await page.locator("nav a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      for (const path of [...new Set([...menu, ...details])]) {
        if (publicSeen.has(path)) continue;
        const response = await page.goto(`${baseUrl}${path}`);
        if (response?.status() !== 200) continue; // out of the role's reach: answered, not laid out
        if (PUBLIC.test(path)) publicSeen.add(path);
        // Laid out once loaded and hydrated; charts size themselves in the next frames (no wait
        // for network idle: its 500 ms quiet time per page made the walk time out under load).
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        if (scroll > inner) overflowing.push(`${path}: ${scroll} px`);
        if (role === "LEADER" && ["/trang-chu", "/bang-dieu-khien"].includes(path)) await screenshot(page, `${path.slice(1)}-lanhdao-390`);
        if (role === "HOME_AFFAIRS" && path === `/co-quan/${stpId}`) await screenshot(page, "co-quan-noivu-390");
      }
      await context.close();
      expect(overflowing).toEqual([]);
    },
    300_000,
  );
});
