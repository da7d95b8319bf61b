// Issue 13's journey in Chromium: the administrator creates the Home Affairs account of Hà Nội
// (a province with no agencies yet); the officer opens the invitation link and sets a password;
// imports 25 agencies and 25 agency heads from the templates; disables one account and gives
// another a new link; one agency head opens their link, sets a password and lands on their own
// agency. Screenshots of each screen at 1366 and 390 px land in .tmp/screenshots/ (SCREENSHOTS=1).
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot, signIn } from "../support/browser";
import { e2e } from "../support/portal";
import { createBoss, prepareQueues, QUEUES } from "@/lib/jobs/queue";
import { agencyRows, fillTemplate, headRows } from "../support/templates";

const { baseUrl, browser, databaseUrl } = await e2e();
const PASSWORD = "Hồ Gươm sáng nay trời trong xanh";
const OFFICER = "noivu.hanoi@e2e.gov.vn";
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close();
});

async function newPage(width = 1366): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "vi-VN", acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

/** Both widths of a page, for a look. */
async function shoot(page: Page, name: string) {
  await screenshot(page, `admin-${name}-1366`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `admin-${name}-390`);
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function setPassword(page: Page, link: string) {
  await page.goto(link);
  await page.fill("#password", PASSWORD);
  await page.locator("[data-testid=strength]").waitFor();
  await page.getByRole("button", { name: "Đặt mật khẩu" }).click();
  await page.locator("[data-testid=password-set]").waitFor();
}

async function download(page: Page, href: string): Promise<Uint8Array> {
  const response = await page.request.get(`${baseUrl}${href}`);
  expect(response.status()).toBe(200);
  return new Uint8Array(await response.body());
}

/** Agencies imported from the list page's template, as the officer does it: a check first, then the import. */
async function importAgencies(officer: Page, rows: string[][]) {
  await officer.getByRole("link", { name: "Nhập từ Excel" }).click();
  await officer.waitForURL(/\/quan-tri\/co-quan\/nhap/);
  const template = await download(officer, (await officer.getByTestId("template-link").getAttribute("href"))!);
  const file = await fillTemplate(template, rows);
  await officer.setInputFiles("[data-testid=import-form] input[type=file]", {
    name: "co-quan-ha-noi.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(file),
  });
  await officer.getByRole("button", { name: "Kiểm tra" }).click();
  await officer.locator("[data-testid=import-preview][data-dry-run='1']").waitFor();
  await officer.getByRole("button", { name: `Nhập ${rows.length} dòng` }).click();
  await officer.locator("[data-testid=import-preview][data-dry-run='0']").waitFor();
}

describe("a new province is brought in from the portal (issue 13)", () => {
  let officer: Page;
  const links: Record<string, string> = {};

  it("the administrator creates Hà Nội's Home Affairs account and gets its link", async () => {
    const admin = await newPage();
    await signIn(admin, baseUrl, "quantri@demo.local");
    await admin.waitForURL(/\/trang-chu$/);
    await admin.getByRole("link", { name: "Tài khoản", exact: true }).click();
    await admin.waitForURL(/\/quan-tri\/tai-khoan$/);
    // The list carries no form (its agency choice holds a whole province): the form has its own page.
    await expect(admin.locator("[data-testid=account-create]").count()).resolves.toBe(0);
    await admin.getByRole("link", { name: "Thêm tài khoản", exact: true }).click();
    await admin.waitForURL(/\/quan-tri\/tai-khoan\/moi$/);
    const form = admin.locator("[data-testid=account-create]");
    await form.locator("#email").fill(OFFICER);
    await form.locator("#name").fill("Nguyễn Thị Hà");
    await form.locator("#role").selectOption("HOME_AFFAIRS");
    await form.locator("#provinceCode").selectOption("01");
    await form.getByRole("button", { name: "Tạo tài khoản và đường liên kết" }).click();
    links.officer = await form.locator("[data-testid=link-value]").inputValue();
    expect(links.officer).toMatch(/\/dat-mat-khau\?token=/);
    await shoot(admin, "accounts-created");
  });

  it("the officer opens the link, sets a password and signs in", async () => {
    officer = await newPage();
    await officer.goto(links.officer);
    await shoot(officer, "set-password");
    await setPassword(officer, links.officer);
    await officer.getByTestId("password-set").getByRole("link", { name: "Đăng nhập" }).click();
    await signIn(officer, baseUrl, OFFICER, PASSWORD);
    await officer.waitForURL(/\/trang-chu$/);
    // The link is spent.
    const again = await newPage();
    await again.goto(links.officer);
    await expect(again.locator("[data-testid=link-refused]").textContent()).resolves.toContain("đã được dùng");
  });

  it("imports 25 agencies from the template: a check first, then the import", async () => {
    await officer.goto(`${baseUrl}/quan-tri/co-quan`);
    await expect(officer.getByTestId("agency-count").textContent()).resolves.toBe("0 cơ quan, đơn vị");
    await importAgencies(officer, agencyRows(25, "HN"));
    await shoot(officer, "agencies-imported");
    await officer.goto(`${baseUrl}/quan-tri/co-quan`);
    await expect(officer.getByTestId("agency-count").textContent()).resolves.toBe("25 cơ quan, đơn vị");
    await shoot(officer, "agencies");
  });

  it("imports 25 agency heads and gets their invitation links", async () => {
    await officer.goto(`${baseUrl}/quan-tri/tai-khoan/nhap`);
    const template = await download(officer, (await officer.getByTestId("template-link").getAttribute("href"))!);
    const codes = agencyRows(25, "HN").map((r) => r[0]);
    const file = await fillTemplate(template, headRows(codes, "hanoi.e2e.gov.vn"));
    await officer.setInputFiles("[data-testid=import-form] input[type=file]", {
      name: "tai-khoan.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(file),
    });
    await officer.getByRole("button", { name: "Kiểm tra" }).click();
    await officer.locator("[data-testid=import-preview][data-dry-run='1']").waitFor();
    await officer.getByRole("button", { name: "Nhập 25 dòng" }).click();
    await officer.locator("[data-testid=invitations]").waitFor();
    const invitations = officer.locator("[data-testid=invitation-link]");
    await expect(invitations.count()).resolves.toBe(25);
    links.head = (await invitations.first().textContent())!;
    const downloaded = officer.waitForEvent("download");
    await officer.getByRole("button", { name: "Tải danh sách đường liên kết (XLSX)" }).click();
    expect((await downloaded).suggestedFilename()).toBe("duong-lien-ket-moi-01.xlsx");
    await shoot(officer, "accounts-imported");
  });

  it("disables one account and gives another a new link (the old one stops working)", async () => {
    await officer.goto(`${baseUrl}/quan-tri/tai-khoan?q=hn-002`);
    officer.on("dialog", (dialog) => void dialog.accept());
    const second = officer.locator("[data-testid='account-actions-thutruong.hn-002@hanoi.e2e.gov.vn']");
    await second.getByRole("button", { name: "Khóa" }).click();
    await second.locator("[data-state=ok]").waitFor();
    await officer.reload();
    await expect(officer.getByTestId("account-status").first().textContent()).resolves.toBe("Đã khóa");

    await officer.goto(`${baseUrl}/quan-tri/tai-khoan?q=hn-003`);
    const third = officer.locator("[data-testid='account-actions-thutruong.hn-003@hanoi.e2e.gov.vn']");
    await third.getByRole("button", { name: "Cấp lại đường liên kết" }).click();
    const fresh = await third.locator("[data-testid=link-value]").inputValue();
    expect(fresh).toMatch(/\/dat-mat-khau\?token=/);
    await shoot(officer, "accounts-row-actions");
  });

  it("an agency head opens their link, sets a password and lands on their own agency", async () => {
    const head = await newPage(390);
    await setPassword(head, links.head);
    await screenshot(head, "admin-head-password-set-390");
    await head.getByTestId("password-set").getByRole("link", { name: "Đăng nhập" }).click();
    await head.waitForURL(/\/dang-nhap\?next=/);
    await head.fill("#email", "thutruong.hn-001@hanoi.e2e.gov.vn");
    await head.fill("#password", PASSWORD);
    await head.click("button[type=submit]");
    await head.waitForURL(/\/co-quan\/\d+$/);
    await expect(head.locator("h1").first().textContent()).resolves.toContain("Sở thử nghiệm số 1");
    await screenshot(head, "admin-head-agency-390");
  });

  it("shows an agency's page (edit, split, delete), the merge page and an account's page", async () => {
    await officer.goto(`${baseUrl}/quan-tri/co-quan`);
    await officer.getByRole("link", { name: "UBND xã Thử Nghiệm 3" }).click();
    await officer.locator("[data-testid=agency-edit]").waitFor();
    await officer.fill("[data-testid=agency-edit] #name", "UBND xã Thử Nghiệm Ba");
    await officer.getByRole("button", { name: "Lưu thay đổi" }).click();
    await officer.locator("[data-testid=agency-edit] [data-state=ok]").waitFor();
    await shoot(officer, "agency-edit");
    await officer.goto(`${baseUrl}/quan-tri/co-quan/hop-nhat`);
    await officer.locator("[data-testid=agency-merge]").waitFor();
    await shoot(officer, "agency-merge");
    await officer.goto(`${baseUrl}/quan-tri/tai-khoan?q=hn-004`);
    await officer.getByRole("link", { name: "Thủ trưởng 4" }).click();
    await officer.locator("[data-testid=account-edit]").waitFor();
    await shoot(officer, "account-edit");
  });

  it("pages the agency list by 50 once the province has more, the search kept from page to page", async () => {
    await officer.goto(`${baseUrl}/quan-tri/co-quan`);
    await importAgencies(officer, agencyRows(65, "HN").slice(25));
    const codesShown = () => officer.locator("[data-testid=agencies] tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
    await officer.goto(`${baseUrl}/quan-tri/co-quan?q=${encodeURIComponent("thử nghiệm")}`);
    await expect(officer.getByTestId("agency-count").textContent()).resolves.toBe("65 cơ quan, đơn vị");
    await expect(officer.getByTestId("agency-pages").getByTestId("pager-range").textContent()).resolves.toBe("1–50 / 65");
    const first = await codesShown();
    expect(first).toHaveLength(50);
    await officer.getByTestId("agency-pages").getByRole("link", { name: "Trang sau →" }).click();
    await officer.waitForURL(/[?&]page=2/);
    expect(new URL(officer.url()).searchParams.get("q")).toBe("thử nghiệm");
    await expect(officer.getByTestId("agency-pages").getByTestId("pager-range").textContent()).resolves.toBe("51–65 / 65");
    const second = await codesShown();
    expect(second).toHaveLength(15);
    expect(new Set([...first, ...second]).size).toBe(65);
    await shoot(officer, "agencies-page-2");
    // Typed in the search box without diacritics and in capitals, as many officers type: the same 65.
    await officer.getByLabel("Tìm theo mã hoặc tên, có dấu hoặc không dấu").fill("THU NGHIEM");
    await officer.getByLabel("Tìm theo mã hoặc tên, có dấu hoặc không dấu").press("Enter");
    await officer.waitForURL(/[?&]q=THU(\+|%20)NGHIEM/);
    await expect(officer.getByTestId("agency-count").textContent()).resolves.toBe("65 cơ quan, đơn vị");
  });

  it("offers 'Quên mật khẩu?' with the same answer for any e-mail, and the user's own page", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.getByTestId("forgot-link").click();
    await page.waitForURL(/\/quen-mat-khau$/);
    // The form answers in place once the page is interactive (a click before that would post natively).
    await page.waitForLoadState("networkidle");
    await page.fill("#email", "khong-co-ai@e2e.gov.vn");
    await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
    await page.locator("[data-state]").waitFor();
    await screenshot(page, "admin-forgot-answer-1366");
    const unknown = await page.locator("[data-state=ok]").textContent();
    await page.fill("#email", OFFICER);
    await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
    await page.locator("[data-state=ok][data-seq='2']").waitFor();
    expect(await page.locator("[data-state=ok]").textContent()).toBe(unknown);
    expect(unknown).toContain("Sở Nội vụ");
    await shoot(page, "forgot");

    await officer.goto(`${baseUrl}/tai-khoan-cua-toi`);
    await expect(officer.getByTestId("my-email").textContent()).resolves.toBe(OFFICER);
    await shoot(officer, "my-account");
  });
});

describe("the jobs page (issue 15)", () => {
  it("the administrator sees a failed job with its error and retries it", async () => {
    // A deadline scan taken by a worker that failed it, no retry left: pg-boss's own commands.
    const boss = createBoss(databaseUrl, { worker: false });
    await boss.start();
    try {
      await prepareQueues(boss);
      const id = (await boss.send(QUEUES.deadlineScan, { at: "2031-03-29T01:00:00Z" }, { retryLimit: 0 }))!;
      const [taken] = await boss.fetch(QUEUES.deadlineScan);
      expect(taken.id).toBe(id);
      await boss.fail(QUEUES.deadlineScan, id, new Error("connection to the database was lost"));

      const admin = await newPage();
      await signIn(admin, baseUrl, "quantri@demo.local");
      await admin.waitForURL(/\/trang-chu$/);
      await admin.getByRole("link", { name: "Tác vụ nền", exact: true }).click();
      await admin.waitForURL(/\/quan-tri\/tac-vu$/);
      const row = admin.locator(`[data-job-id="${id}"]`);
      await expect(row.getByTestId("job-error").textContent()).resolves.toBe("connection to the database was lost");
      await expect(admin.getByTestId("job-queues").textContent()).resolves.toContain("Hằng ngày lúc 06:00 (Asia/Ho_Chi_Minh)");
      await shoot(admin, "jobs");
      await admin.waitForLoadState("networkidle");
      await row.getByRole("button", { name: "Chạy lại" }).click();
      // Back in the queue: the row leaves the failed list, the queue counts it as waiting to retry.
      await row.waitFor({ state: "detached" });
      expect((await boss.getJobById<object>(QUEUES.deadlineScan, id))?.state).toBe("retry");
      await expect(admin.getByTestId("job-queues").textContent()).resolves.toContain("Chờ chạy lại: 1");
      await screenshot(admin, "admin-jobs-retried-1366");
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
