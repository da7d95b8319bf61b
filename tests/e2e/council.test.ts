// Issue 17 in Chromium: Home Affairs names an appraisal council of three and assigns each a field;
// each member appraises only their part of a submitted sheet (an agency head sees only their rows,
// the leader sees every row but edits only theirs); Home Affairs sees each member's progress.
// Desktop and phone widths.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/prisma";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { lastAnswerSeq, screenshot, signIn } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, databaseUrl, browser, as } = await e2e({ demoInProgress: true });
const PHONE = { width: 390, height: 844 };

// The open demo period, without the demo's own council: this test names one from scratch. A third
// member, the head of Sở Tài chính, has an account already (made as the accounts page would).
const db = createPrismaClient(databaseUrl, 1);
const period = await db.assessmentPeriod.findFirstOrThrow({
  where: { isDemo: true, status: "SELF_SCORING" },
  include: { assessments: { include: { agency: true } } },
});
await db.councilAssignment.deleteMany({ where: { periodId: period.id } });
const snvSheet = period.assessments.find((a) => a.agency.code === "SNV")!;
const stc = await db.agency.findFirstOrThrow({ where: { provinceId: period.provinceId, code: "STC" } });
const finance = await db.user.create({
  data: { email: "taichinh@demo.local", name: "Giám đốc Sở Tài chính", role: "AGENCY_HEAD", agencyId: stc.id, passwordHash: await hashPassword(DEMO_PASSWORD) },
});
const users = await db.user.findMany({ where: { email: { in: ["lanhdao@demo.local", "thutruong@demo.local"] } } });
await db.$disconnect();
const COUNCIL = [
  { userId: users.find((u) => u.email === "lanhdao@demo.local")!.id, email: "lanhdao@demo.local", field: "1" },
  { userId: users.find((u) => u.email === "thutruong@demo.local")!.id, email: "thutruong@demo.local", field: "2" },
  { userId: finance.id, email: finance.email, field: "6" },
];

async function submit(page: Page, testId: string): Promise<string> {
  const form = page.getByTestId(testId);
  const seq = await lastAnswerSeq(form.locator("[role=status]"));
  await form.locator("button[type=submit]").click();
  const status = form.locator(`[role=status][data-seq="${seq + 1}"]`);
  await status.waitFor({ timeout: 15_000 }).catch(async (error) => {
    await screenshot(page, `failed-${testId}`);
    throw error;
  });
  return (await status.textContent()) ?? "";
}

/** The sheet's one save; returns its answer. */
async function saveSheet(page: Page): Promise<string> {
  const seq = await lastAnswerSeq(page.getByTestId("sheet-feedback"));
  await page.getByTestId("save-sheet").click();
  const status = page.locator(`[data-testid=sheet-feedback][data-seq="${seq + 1}"]`);
  await status.waitFor({ timeout: 15_000 }).catch(async (error) => {
    await screenshot(page, "failed-council-save");
    throw error;
  });
  return (await status.textContent()) ?? "";
}

const leafCodes = (page: Page) => page.locator("tr[data-code]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")!));
const editableCodes = (page: Page) =>
  page.locator("tr[data-code]:has(input[name^='score:'])").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")!));

async function signInAsMember(email: string, viewport = { width: 1366, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: "vi-VN" });
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
  return { context, page };
}

describe("the appraisal council", () => {
  it("Home Affairs names a council of three, each with a field", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: `/danh-gia/${period.id}` });
    await page.getByTestId("open-council").click();
    await page.waitForURL(/\/hoi-dong$/);
    for (const member of COUNCIL) {
      const form = page.getByTestId("council-assign");
      await form.locator("select[name=userId]").selectOption(String(member.userId));
      await form.locator(`input[name=criterionIds][data-code="${member.field}"]`).check();
      expect(await submit(page, "council-assign")).toContain("Đã phân công 1 mục");
    }
    await page.reload();
    await expect(page.locator("[data-testid=council-members] tbody tr").count()).resolves.toBe(3);
    await expect(page.locator(`tr[data-member="${finance.email}"]`).textContent()).resolves.toContain("Lĩnh vực 6");
    await screenshot(page, "hoi-dong-1366");
    await context.close();
  });

  it("each agency head appraises only their field: the other rows are not on their sheet", async () => {
    for (const member of COUNCIL.filter((m) => m.email !== "lanhdao@demo.local")) {
      const { context, page } = await signInAsMember(member.email, member.field === "6" ? PHONE : undefined);
      await page.goto(`${baseUrl}/danh-gia`);
      await page.getByTestId("my-council").locator("a").first().click();
      await page.waitForURL(/\/hoi-dong$/);
      // Their own agency is not among the sheets they appraise.
      const sheets = (await page.getByTestId("council-sheets").textContent()) ?? "";
      expect(sheets).toContain("Sở Nội vụ");
      expect(sheets).not.toContain(member.field === "2" ? "Sở Tư pháp" : "Sở Tài chính");
      await page.getByTestId("council-sheets").locator("a", { hasText: "Sở Nội vụ" }).click();
      await page.waitForURL(/\/danh-gia\/phieu\/\d+$/);
      await page.getByTestId("council-notice").waitFor();
      const codes = await leafCodes(page);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((code) => code.startsWith(`${member.field}.`))).toBe(true);
      expect(await editableCodes(page)).toEqual(codes);
      const first = page.locator(`tr[data-code='${codes[0]}']`);
      await first.locator("input[name^='score:']").fill("0,5");
      await first.locator("textarea[name^='comment:']").fill("Hội đồng: thiếu tài liệu kiểm chứng");
      expect(await saveSheet(page)).toBe("Đã lưu 1 tiêu chí.");
      await screenshot(page, member.field === "6" ? "hoi-dong-phieu-thanh-vien-390" : "hoi-dong-phieu-thanh-vien-1366");
      await context.close();
    }
  });

  it("the leader reads the whole sheet but edits only field 1", async () => {
    const { context, page } = await as("LEADER", { at: `/danh-gia/phieu/${snvSheet.id}` });
    const codes = await leafCodes(page);
    const editable = await editableCodes(page);
    expect(codes.some((code) => !code.startsWith("1."))).toBe(true);
    expect(editable.length).toBeGreaterThan(0);
    expect(editable.every((code) => code.startsWith("1."))).toBe(true);
    const first = page.locator(`tr[data-code='${editable[0]}']`);
    await first.locator("input[name^='score:']").fill("0,25");
    expect(await saveSheet(page)).toBe("Đã lưu 1 tiêu chí.");
    await screenshot(page, "hoi-dong-phieu-lanh-dao-1366");
    await context.close();
  });

  it("Home Affairs sees each member's progress, as the database has it", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { viewport: PHONE, at: `/danh-gia/${period.id}/hoi-dong` });
    const check = createPrismaClient(databaseUrl, 1);
    for (const member of COUNCIL) {
      // Recomputed here: applicable sub-criteria under the member's field, on every sheet of the period
      // but their own agency's; how many have a round-1 score.
      const [row] = await check.$queryRaw<{ total: bigint; round1: bigint }[]>`
        SELECT count(*) AS total, count(cs.round1_score) AS round1
          FROM criterion_score cs
          JOIN assessment a ON a.id = cs.assessment_id
          JOIN criterion c ON c.id = cs.criterion_id
          JOIN app_user u ON u.email = ${member.email}
         WHERE a.period_id = ${period.id} AND NOT cs.not_applicable AND c.code LIKE ${`${member.field}.%`}
           AND a.agency_id IS DISTINCT FROM u.agency_id`;
      const shown = (await page.locator(`tr[data-member="${member.email}"] [data-col=round1]`).textContent()) ?? "";
      expect(shown).toContain(`${row.round1}/${row.total}`);
      expect(Number(row.round1)).toBeGreaterThan(0);
    }
    await check.$disconnect();
    await screenshot(page, "hoi-dong-390");
    await context.close();
  });
});
