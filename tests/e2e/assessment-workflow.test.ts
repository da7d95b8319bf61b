// The Home Affairs officer's year, in Chromium: open a year, the agency self-scores with evidence
// and submits, two appraisal rounds with a request for explanation, finalize, publish, and the
// ranked and classified agencies. Plus the same permission rules through the HTTP API.
import Papa from "papaparse";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, browser, as } = await e2e();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
let periodUrl = "";
const sheetUrls: Record<string, string> = {};

/** Submits one ActionForm and waits for its message; returns the message text. */
async function submit(page: Page, testId: string, fill: Record<string, string> = {}): Promise<string> {
  const form = page.getByTestId(testId);
  for (const [name, value] of Object.entries(fill)) await form.locator(`[name=${name}]`).fill(value);
  const seq = Number(
    (await form
      .locator("[role=status]")
      .getAttribute("data-seq", { timeout: 50 })
      .catch(() => null)) ?? 0,
  );
  await form.locator("button[type=submit]").click();
  const status = form.locator(`[role=status][data-seq="${seq + 1}"]`);
  await status.waitFor({ timeout: 10_000 }).catch(async (error) => {
    await screenshot(page, `failed-${testId}`);
    throw error;
  });
  return (await status.textContent()) ?? "";
}

/** A workflow step: its form disappears once the status moves on; an error stays on the form. */
async function step(page: Page, testId: string): Promise<void> {
  const form = page.getByTestId(testId);
  await form.locator("button[type=submit]").click();
  const error = form.locator("[role=status][data-state=error]");
  await Promise.race([form.waitFor({ state: "detached" }), error.waitFor().then(async () => Promise.reject(new Error((await error.textContent()) ?? "")))]);
}

async function codesWithForm(page: Page, prefix: string): Promise<string[]> {
  const ids = await page.locator(`form[data-testid^='${prefix}-']`).evaluateAll((forms) => forms.map((f) => f.getAttribute("data-testid")!));
  return ids.map((id) => id.slice(prefix.length + 1));
}

describe("a year of internal assessment", () => {
  it("Home Affairs opens the year for two agencies with a deadline", async () => {
    const { context, page } = await as("HOME_AFFAIRS");
    await page.goto(`${baseUrl}/danh-gia`);
    await screenshot(page, "danh-gia-danh-sach");
    await page.click("text=Mở kỳ đánh giá");
    await page.waitForURL(/\/danh-gia\/mo-ky$/);
    const form = page.getByTestId("open-period");
    await form.locator("[name=year]").fill("2026");
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await form.locator("[name=deadline]").fill(deadline);
    for (const box of await form.locator("input[name=agencyIds]").all()) await box.uncheck();
    await form.locator("label", { hasText: "Sở Tư pháp" }).locator("input").check();
    await form.locator("label", { hasText: "Sở Nội vụ" }).locator("input").check();
    await screenshot(page, "danh-gia-mo-ky");
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/\/danh-gia\/\d+$/);
    periodUrl = page.url();
    const rows = page.locator("[data-testid=period-table] tbody tr");
    await expect(rows.count()).resolves.toBe(2);
    for (const code of ["STP", "SNV"]) {
      sheetUrls[code] = baseUrl + (await page.locator(`tr[data-agency=${code}] a`).getAttribute("href"));
    }
    await context.close();
  });

  it("the head of Sở Tư pháp self-scores every sub-criterion, attaches evidence and submits", async () => {
    const { context, page } = await as("AGENCY_HEAD");
    await page.goto(sheetUrls.STP);
    await expect(page.getByText("Kết quả thẩm định sẽ hiển thị").count()).resolves.toBe(1);
    // Too high first: refused with a message, nothing saved.
    const codes = await codesWithForm(page, "self");
    expect(codes.length).toBeGreaterThan(10);
    expect(await submit(page, `self-${codes[0]}`, { score: "99" })).toContain("vượt điểm tối đa");
    for (const code of codes) {
      const max = (await page.locator(`tr[data-code='${code}'] td`).nth(2).textContent())!.trim();
      const message = await submit(page, `self-${code}`, { score: max, comment: `Hoàn thành tiêu chí ${code}` });
      expect(message).toBe("Đã lưu điểm tự chấm.");
    }
    const evidence = page.getByTestId(`evidence-${codes[0]}`);
    await evidence.locator("input[type=file]").setInputFiles({ name: "ke-hoach-cchc-2026.pdf", mimeType: "application/pdf", buffer: PDF });
    await evidence.locator("button[type=submit]").click();
    await evidence.locator("[role=status][data-seq='1']").waitFor();
    await expect(evidence.locator("[role=status]").textContent()).resolves.toContain("ke-hoach-cchc-2026.pdf");
    // A renamed executable is refused.
    await evidence.locator("input[type=file]").setInputFiles({ name: "virus.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
    await evidence.locator("button[type=submit]").click();
    await expect(evidence.locator("[role=status][data-seq='2']").textContent()).resolves.toContain("không phải định dạng được chấp nhận");
    await page.reload();
    await expect(page.locator(`tr[data-code='${codes[0]}'] a`, { hasText: "ke-hoach-cchc-2026.pdf" }).count()).resolves.toBe(1);
    await screenshot(page, "phieu-tu-cham");
    await step(page, "step-submit");
    await page.reload();
    await expect(page.getByTestId("sheet-status").textContent()).resolves.toContain("Đã nộp");
    await expect(page.locator("[data-testid^='self-']").count()).resolves.toBe(0);
    await context.close();
  });

  it("Home Affairs appraises round 1 and asks for an explanation; the agency answers; round 2; finalize", async () => {
    const staff = await as("HOME_AFFAIRS");
    await staff.page.goto(sheetUrls.STP);
    const codes = await codesWithForm(staff.page, "appraise");
    for (const [i, code] of codes.entries()) {
      const max = Number((await staff.page.locator(`tr[data-code='${code}'] td`).nth(2).textContent())!.trim().replace(",", "."));
      // The first sub-criterion loses half its points pending an explanation.
      const score = i === 0 ? String(max / 2).replace(".", ",") : String(max).replace(".", ",");
      expect(await submit(staff.page, `appraise-${code}`, { score, comment: i === 0 ? "Thiếu quyết định ban hành" : "" })).toBe("Đã lưu điểm thẩm định.");
    }
    expect(await submit(staff.page, `request-${codes[0]}`, { request: "Bổ sung quyết định ban hành kế hoạch CCHC năm 2026." })).toBe(
      "Đã ghi yêu cầu giải trình.",
    );
    await step(staff.page, "step-requestExplanations");
    await screenshot(staff.page, "phieu-tham-dinh-vong-1");

    const agency = await as("AGENCY_HEAD");
    await agency.page.goto(sheetUrls.STP);
    await expect(agency.page.getByText("Bổ sung quyết định ban hành").count()).resolves.toBeGreaterThan(0);
    expect(await submit(agency.page, `explain-${codes[0]}`, { response: "Đã ban hành Quyết định 15/QĐ-STP ngày 10/01/2026, đính kèm." })).toBe(
      "Đã gửi giải trình.",
    );
    await screenshot(agency.page, "phieu-giai-trinh");
    await agency.context.close();

    await staff.page.reload();
    await step(staff.page, "step-startRound2");
    await staff.page.reload();
    const max = (await staff.page.locator(`tr[data-code='${codes[0]}'] td`).nth(2).textContent())!.trim();
    expect(await submit(staff.page, `appraise-${codes[0]}`, { score: max, comment: "Đã đủ minh chứng" })).toBe("Đã lưu điểm thẩm định.");
    await staff.page.reload();
    await submit(staff.page, "adjustments", { bonus: "1,5", bonusReason: "Sáng kiến cải cách được công nhận", penalty: "0" });
    await staff.page.reload();
    await step(staff.page, "step-finalize");
    await staff.page.reload();
    await expect(staff.page.getByTestId("sheet-status").textContent()).resolves.toContain("Đã chốt điểm");
    // Every sub-criterion at its maximum after round 2, plus the bonus.
    await expect(staff.page.getByTestId("final-total").textContent()).resolves.toContain("100,00");
    await screenshot(staff.page, "phieu-chot-diem");
    await staff.context.close();
  });

  it("Sở Nội vụ's sheet goes through a file: staff score for the agency and appraise from an exported table", async () => {
    const { context, page } = await as("HOME_AFFAIRS");
    const periodId = periodUrl.split("/").pop();
    const exported = async () => {
      const response = await context.request.get(`${baseUrl}/api/v1/assessment-periods/${periodId}/scores?format=csv`);
      expect(response.status()).toBe(200);
      return Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    };
    const upload = async (rows: Record<string, string>[], fields: string[], dryRun: boolean) => {
      await page.goto(periodUrl);
      const form = page.getByTestId("import-scores");
      await form.locator("input[type=file]").setInputFiles({
        name: "diem.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f])) })),
      });
      if (!dryRun) await form.locator("input[name=dryRun]").uncheck();
      await form.locator("button[type=submit]").click();
      await form.locator("[role=status]").waitFor();
      return (await form.locator("[role=status]").textContent()) ?? "";
    };

    let table = await exported();
    const snv = table.data.filter((r) => r.agency_code === "SNV");
    // Field 8 of the demo framework is survey-based: never self-scored.
    for (const r of snv) r.self_score = r.code.startsWith("8.") ? "" : r.max_points;
    expect(await upload(snv, table.meta.fields!, true)).toMatch(/sẽ thay đổi.*Chưa ghi dữ liệu/);
    expect(await upload(snv, table.meta.fields!, false)).toMatch(/^Đã nhập \d+ dòng/);
    await page.goto(sheetUrls.SNV);
    await step(page, "step-submit");

    table = await exported();
    const appraised = table.data
      .filter((r) => r.agency_code === "SNV")
      .map((r) => ({ ...r, appraised_score: String(Math.floor(Number(r.max_points) * 0.8 * 4) / 4) }));
    expect(await upload(appraised, table.meta.fields!, false)).toMatch(/^Đã nhập/);
    await page.goto(sheetUrls.SNV);
    await step(page, "step-finalize");
    await context.close();
  });

  it("publishing ranks and classifies the agencies", async () => {
    const { context, page } = await as("HOME_AFFAIRS");
    await page.goto(periodUrl);
    await step(page, "publish");
    await page.reload();
    const rows = page.locator("[data-testid=period-table] tbody tr");
    await expect(rows.nth(0).textContent()).resolves.toMatch(/^1Sở Tư phápĐã chốt điểm.*100,00Xuất sắc$/);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/^2Sở Nội vụĐã chốt điểm/);
    await screenshot(page, "danh-gia-cong-bo");
    await context.close();

    // The leader reads the published year but has no controls.
    const leader = await as("LEADER");
    await leader.page.goto(periodUrl);
    await expect(leader.page.locator("[data-testid=period-table] tbody tr").count()).resolves.toBe(2);
    await expect(leader.page.getByTestId("publish").count()).resolves.toBe(0);
    await leader.context.close();
  });
});

describe("the same rules through the HTTP API", () => {
  it("answers 401 signed out, 403 for an agency head on another agency, 400 for a bad score, 409 for a stale version", async () => {
    const anonymous = await browser.newContext();
    const staff = await as("HOME_AFFAIRS");
    const periodId = periodUrl.split("/").pop();
    // A fresh year so that self-scoring is open.
    await staff.page.goto(`${baseUrl}/danh-gia/mo-ky`);
    const form = staff.page.getByTestId("open-period");
    await form.locator("[name=year]").fill("2027");
    await form.locator("[name=deadline]").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await form.locator("button[type=submit]").click();
    await staff.page.waitForURL(/\/danh-gia\/\d+$/);
    const newPeriod = staff.page.url().split("/").pop();
    expect(newPeriod).not.toBe(periodId);
    const csv = Papa.parse<Record<string, string>>(
      (await (await staff.context.request.get(`${baseUrl}/api/v1/assessment-periods/${newPeriod}/scores?format=csv`)).text()).replace(/^\uFEFF/, ""),
      {
        header: true,
        skipEmptyLines: true,
      },
    );
    const other = csv.data.find((r) => r.agency_code === "SNV")!;
    const sheetLink = await staff.page.locator("tr[data-agency=SNV] a").getAttribute("href");
    await staff.page.goto(baseUrl + sheetLink);
    const scoreId = await staff.page.getByTestId(`self-${other.code}`).locator("[name=criterionScoreId]").inputValue();

    const put = (context: BrowserContext, body: object) => context.request.put(`${baseUrl}/api/v1/criterion-scores/${scoreId}/self-score`, { data: body });
    expect((await put(anonymous, { score: 1, version: 0 })).status()).toBe(401);
    const head = await as("AGENCY_HEAD");
    const forbidden = await put(head.context, { score: 1, version: 0 });
    expect(forbidden.status()).toBe(403);
    expect((await forbidden.json()).error).toContain("không có quyền");
    const tooHigh = await put(staff.context, { score: 999, version: 0 });
    expect(tooHigh.status()).toBe(400);
    expect((await tooHigh.json()).issues[0]).toMatchObject({ field: "score", message: expect.stringContaining("vượt điểm tối đa") });
    expect((await put(staff.context, { score: 1, version: 0 })).status()).toBe(200);
    const stale = await put(staff.context, { score: 0.5, version: 0 });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).current).toMatchObject({ selfScore: 1, version: 1 });
    // The same refusal through the server action: the agency head's own form, pointed at another agency's score.
    const headSheet = await head.context.newPage();
    const ownSheet = await headSheet.goto(`${baseUrl}/danh-gia/${newPeriod}`).then(() => headSheet.locator("tr[data-agency=STP] a").getAttribute("href"));
    await headSheet.goto(baseUrl + ownSheet);
    const ownForm = headSheet.locator("form[data-testid^='self-']").first();
    await ownForm.locator("[name=criterionScoreId]").evaluate((input, id) => ((input as HTMLInputElement).value = id), scoreId);
    await ownForm.locator("[name=score]").fill("1");
    await ownForm.locator("button[type=submit]").click();
    await expect(ownForm.locator("[role=status][data-state=error]").textContent()).resolves.toBe("Bạn không có quyền thực hiện thao tác này.");
    // Nothing changed: the score is still at the version the staff's last save left.
    expect((await put(staff.context, { score: 1.5, version: 1 })).status()).toBe(200);
    const leaderDenied = await (await as("LEADER")).context.request.post(`${baseUrl}/api/v1/assessment-periods/${newPeriod}/scores`, {
      multipart: {
        file: { name: "d.csv", mimeType: "text/csv", buffer: Buffer.from("agency_code,code,self_score,appraised_score\nSNV,1.1.1,2,\n") },
      },
    });
    expect(leaderDenied.status()).toBe(403);
    expect((await leaderDenied.json()).error).toContain("không có quyền");
    await Promise.all([anonymous.close(), staff.context.close(), head.context.close()]);
  });
});
