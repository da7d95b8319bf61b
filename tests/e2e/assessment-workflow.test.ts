// The Home Affairs officer's year, in Chromium: open a year, the agency self-scores with evidence
// and submits, two appraisal rounds with a request for explanation, finalize, publish, and the
// ranked and classified agencies. Plus the same permission rules through the HTTP API.
import Papa from "papaparse";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, lastAnswerSeq } from "../support/browser";
import { parseScoresCsv } from "../support/scores-csv";
import { e2e } from "../support/portal";

const { baseUrl, browser, as } = await e2e();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
let periodUrl = "";
const sheetUrls: Record<string, string> = {};

/** Submits one ActionForm and waits for its message; returns the message text. */
async function submit(page: Page, testId: string, fill: Record<string, string> = {}): Promise<string> {
  const form = page.getByTestId(testId);
  for (const [name, value] of Object.entries(fill)) await form.locator(`[name=${name}]`).fill(value);
  const seq = await lastAnswerSeq(form.locator("[role=status]"));
  await form.locator("button[type=submit]").click();
  const status = form.locator(`[role=status][data-seq="${seq + 1}"]`);
  await status.waitFor({ timeout: 10_000 }).catch(async (error) => {
    await screenshot(page, `failed-${testId}`);
    throw error;
  });
  return (await status.textContent()) ?? "";
}

/** Button presses of a journey (typing and moving between fields with Tab are not counted). */
const clicks: Record<string, number> = {};
async function click(journey: string, target: Locator): Promise<void> {
  clicks[journey] = (clicks[journey] ?? 0) + 1;
  await target.click();
}

/**
 * A workflow step: asks first (the dialog states the consequence, returned), then its form
 * disappears once the status moves on; an error stays on the form.
 */
async function step(page: Page, testId: string, journey = "other"): Promise<string> {
  const form = page.getByTestId(testId);
  await click(journey, form.locator("button[type=submit]"));
  const dialog = form.getByTestId("confirm");
  await dialog.waitFor();
  const question = (await dialog.textContent()) ?? "";
  await click(journey, dialog.getByTestId("confirm-yes"));
  const error = form.locator("[role=status][data-state=error]");
  await Promise.race([form.waitFor({ state: "detached" }), error.waitFor().then(async () => Promise.reject(new Error((await error.textContent()) ?? "")))]);
  return question;
}

/** The sheet's one save for every changed row; returns its answer. */
async function saveSheet(page: Page, journey: string): Promise<string> {
  const feedback = page.getByTestId("sheet-feedback");
  const seq = await lastAnswerSeq(feedback);
  await click(journey, page.getByTestId("save-sheet"));
  const status = page.locator(`[data-testid=sheet-feedback][data-seq="${seq + 1}"]`);
  await status.waitFor({ timeout: 15_000 }).catch(async (error) => {
    await screenshot(page, `failed-save-sheet`);
    throw error;
  });
  return (await status.textContent()) ?? "";
}

const scoreInput = (page: Page, code: string) => page.locator(`tr[data-code='${code}'] input[name^='score:']`);
const commentInput = (page: Page, code: string) => page.locator(`tr[data-code='${code}'] textarea[name^='comment:']`);
const maxOf = async (page: Page, code: string) => (await page.locator(`tr[data-code='${code}'] td`).nth(2).textContent())!.trim();
async function editableCodes(page: Page): Promise<string[]> {
  return page.locator("tr[data-code]:has(input[name^='score:'])").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")!));
}

describe("a year of internal assessment", () => {
  it("Home Affairs opens the year for two agencies with a deadline", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: "/danh-gia" });
    await screenshot(page, "danh-gia-danh-sach");
    await page.click("text=Mở kỳ đánh giá");
    await page.waitForURL(/\/danh-gia\/mo-ky$/);
    const form = page.getByTestId("open-period");
    await form.locator("[name=year]").fill("2026");
    // The deadline is typed as dd/mm/yyyy, whatever the browser's language.
    const [y, m, d] = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10).split("-");
    await form.locator("[data-field-for=deadline]").fill(`${d}/${m}/${y}`);
    await form.getByTestId("select-none").click();
    // Enter on a checkbox ticks it; it does not open the period.
    const stp = form.locator("label", { hasText: "Sở Tư pháp" }).locator("input");
    await stp.press("Enter");
    await expect(stp.isChecked()).resolves.toBe(true);
    await expect(form.getByTestId("open-review").count()).resolves.toBe(0);
    await form.locator("label", { hasText: "Sở Nội vụ" }).locator("input").check();
    await form.getByTestId("open-review-button").click();
    const review = form.getByTestId("open-review");
    await expect(review.locator("li").count()).resolves.toBe(2);
    await expect(review.textContent()).resolves.toContain(`năm 2026 · hạn tự chấm ${d}/${m}/${y} · 2 cơ quan`);
    await screenshot(page, "danh-gia-mo-ky");
    await form.getByTestId("open-confirm").click();
    await page.waitForURL(/\/danh-gia\/\d+$/);
    periodUrl = page.url();
    const rows = page.locator("[data-testid=period-table] tbody tr");
    await expect(rows.count()).resolves.toBe(2);
    for (const code of ["STP", "SNV"]) {
      sheetUrls[code] = baseUrl + (await page.locator(`tr[data-agency=${code}] a`).getAttribute("href"));
    }
    await context.close();
  });

  it("the head of Sở Tư pháp self-scores every sub-criterion in one save, attaches evidence and submits", async () => {
    const journey = "agency head self-scores 24 criteria and submits";
    const { context, page } = await as("AGENCY_HEAD", { at: sheetUrls.STP });
    await expect(page.getByText("Kết quả thẩm định sẽ hiển thị").count()).resolves.toBe(1);
    const codes = await editableCodes(page);
    expect(codes.length).toBe(24);
    // Too high first: refused, and what was typed stays, the field marked and focused.
    await scoreInput(page, codes[0]).fill("99");
    await commentInput(page, codes[0]).fill("Đã ban hành kế hoạch");
    await expect(page.locator(`tr[data-code='${codes[0]}'] [data-testid=unsaved]`).count()).resolves.toBe(1);
    expect(await saveSheet(page, "refused")).toContain("vượt điểm tối đa");
    await expect(scoreInput(page, codes[0]).inputValue()).resolves.toBe("99");
    await expect(commentInput(page, codes[0]).inputValue()).resolves.toBe("Đã ban hành kế hoạch");
    await expect(scoreInput(page, codes[0]).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(scoreInput(page, codes[0]).evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await expect(page.locator(`tr[data-code='${codes[0]}'] [data-field-error]`).textContent()).resolves.toContain("vượt điểm tối đa");
    // Leaving with unsaved rows asks first; staying keeps them.
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "← Kỳ đánh giá năm 2026" }).click();
    expect(asked[0]).toMatch(/chưa lưu/);
    expect(page.url()).toBe(sheetUrls.STP);
    await screenshot(page, "phieu-tu-cham-chua-luu");
    // Every criterion typed (Tab from field to field), one save.
    for (const code of codes) {
      await scoreInput(page, code).fill(await maxOf(page, code));
      await commentInput(page, code).fill(`Hoàn thành tiêu chí ${code}`);
    }
    await expect(page.getByTestId("unsaved-count").textContent()).resolves.toContain("24 tiêu chí chưa lưu");
    expect(await saveSheet(page, journey)).toBe("Đã lưu 24 tiêu chí.");
    await page.locator("[data-testid=unsaved]").first().waitFor({ state: "detached" });
    await expect(page.getByTestId("unsaved-count").textContent()).resolves.toBe("Không có thay đổi chưa lưu.");
    await expect(page.locator("[aria-invalid=true]").count()).resolves.toBe(0);
    // On a phone, one card per criterion with full-width inputs, nothing beyond the screen's edge.
    const phone = await as("AGENCY_HEAD", { viewport: { width: 390, height: 844 }, at: sheetUrls.STP });
    await screenshot(phone.page, "phieu-tu-cham-390");
    const edges = await phone.page
      .locator("[data-testid=score-sheet], tr[data-code] input, tr[data-code] textarea")
      .evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().right)));
    expect(Math.max(...edges)).toBeLessThanOrEqual(390);
    await phone.context.close();

    const evidence = page.getByTestId(`evidence-${codes[0]}`);
    await evidence.locator("input[type=file]").setInputFiles({ name: "ke-hoach-cchc-2026.pdf", mimeType: "application/pdf", buffer: PDF });
    await evidence.locator("button[type=submit]").click();
    await evidence.locator("[role=status][data-seq='1']").waitFor();
    await expect(evidence.locator("[role=status]").textContent()).resolves.toContain("ke-hoach-cchc-2026.pdf");
    // A renamed executable is refused.
    await evidence.locator("input[type=file]").setInputFiles({ name: "virus.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
    await evidence.locator("button[type=submit]").click();
    await expect(evidence.locator("[role=status][data-seq='2']").textContent()).resolves.toContain("không phải định dạng được chấp nhận");
    // A wrong file is deleted before submission (asked first).
    await evidence.locator("input[type=file]").setInputFiles({ name: "nham-tep.pdf", mimeType: "application/pdf", buffer: PDF });
    await evidence.locator("button[type=submit]").click();
    await evidence.locator("[role=status][data-seq='3']").waitFor();
    const wrong = page.locator(`tr[data-code='${codes[0]}'] li`, { hasText: "nham-tep.pdf" });
    await wrong.locator("button[type=submit]").click();
    await expect(wrong.getByTestId("confirm").textContent()).resolves.toContain("nham-tep.pdf");
    await wrong.getByTestId("confirm-yes").click();
    await wrong.waitFor({ state: "detached" });
    await page.reload();
    await expect(page.locator(`tr[data-code='${codes[0]}'] a`, { hasText: "ke-hoach-cchc-2026.pdf" }).count()).resolves.toBe(1);
    await expect(page.locator(`tr[data-code='${codes[0]}'] a`, { hasText: "nham-tep.pdf" }).count()).resolves.toBe(0);
    await screenshot(page, "phieu-tu-cham");
    expect(await step(page, "step-submit", journey)).toMatch(/Nộp phiếu tự chấm với tổng .* bị khóa/);
    await page.reload();
    await expect(page.getByTestId("sheet-status").textContent()).resolves.toContain("Đã nộp");
    await expect(page.locator("input[name^='score:']").count()).resolves.toBe(0);
    console.log(`Clicks, ${journey}: ${clicks[journey]}`);
    await context.close();
  });

  it("Home Affairs returns the submitted sheet for correction (audited); the agency submits again", async () => {
    const staff = await as("HOME_AFFAIRS", { at: sheetUrls.STP });
    expect(await step(staff.page, "step-returnForCorrection")).toMatch(/Trả phiếu đã nộp cho cơ quan để chỉnh sửa/);
    await staff.page.reload();
    await expect(staff.page.getByTestId("sheet-status").textContent()).resolves.toContain("Đang tự chấm");
    const agency = await as("AGENCY_HEAD", { at: sheetUrls.STP });
    await expect(agency.page.locator("input[name^='score:']").count()).resolves.toBe(24);
    await step(agency.page, "step-submit");
    await agency.context.close();
    await staff.page.goto(`${baseUrl}/nhat-ky`);
    await expect(staff.page.getByText("Trả phiếu để chỉnh sửa").count()).resolves.toBeGreaterThan(0);
    await staff.context.close();
  });

  it("Home Affairs appraises round 1 and asks for an explanation; the agency answers; round 2; finalize", async () => {
    const journey = "Home Affairs appraises one agency's round 1";
    const staff = await as("HOME_AFFAIRS", { at: sheetUrls.STP });
    const codes = await editableCodes(staff.page);
    expect(codes.length).toBe(25);
    // Round 1 inputs start empty: nothing looks appraised until it is.
    await expect(scoreInput(staff.page, codes[0]).inputValue()).resolves.toBe("");
    // The first sub-criterion loses half its points pending an explanation; the survey criterion
    // (never self-scored) is scored here; every other one takes its self score in one action.
    const half = String(Number((await maxOf(staff.page, codes[0])).replace(",", ".")) / 2).replace(".", ",");
    await scoreInput(staff.page, codes[0]).fill(half);
    await commentInput(staff.page, codes[0]).fill("Thiếu quyết định ban hành");
    const survey = codes.filter((code) => code.startsWith("8."));
    for (const code of survey) await scoreInput(staff.page, code).fill(await maxOf(staff.page, code));
    expect(await saveSheet(staff.page, journey)).toBe(`Đã lưu ${1 + survey.length} tiêu chí.`);
    await expect(staff.page.getByTestId("accept-self").textContent()).resolves.toContain("(23)");
    expect(await step(staff.page, "accept-self", journey)).toMatch(/23 tiêu chí chưa có điểm thẩm định vòng 1 sẽ lấy bằng điểm tự chấm/);
    await staff.page.reload();
    for (const code of codes) await expect(scoreInput(staff.page, code).inputValue()).resolves.not.toBe("");
    console.log(`Clicks, ${journey}: ${clicks[journey]}`);
    const request = staff.page.getByTestId(`request-${codes[0]}`);
    await expect(request.locator("button[type=submit]").textContent()).resolves.toBe("Ghi yêu cầu");
    expect(await submit(staff.page, `request-${codes[0]}`, { request: "Bổ sung quyết định ban hành kế hoạch CCHC năm 2026." })).toBe(
      "Đã ghi yêu cầu giải trình.",
    );
    await staff.page.reload();
    await expect(staff.page.getByTestId("step-requestExplanations").locator("button[type=submit]").textContent()).resolves.toBe("Gửi 1 yêu cầu cho cơ quan");
    await step(staff.page, "step-requestExplanations");
    await screenshot(staff.page, "phieu-tham-dinh-vong-1");

    const agency = await as("AGENCY_HEAD", { at: sheetUrls.STP });
    await expect(agency.page.getByTestId("open-requests").textContent()).resolves.toContain(`Tiêu chí ${codes[0]}`);
    await agency.page.getByTestId("open-requests").locator("a").first().click();
    expect(agency.page.url()).toContain(`#tieu-chi-${codes[0]}`);
    expect(await submit(agency.page, `explain-${codes[0]}`, { response: "Đã ban hành Quyết định 15/QĐ-STP ngày 10/01/2026, đính kèm." })).toBe(
      "Đã gửi giải trình.",
    );
    await screenshot(agency.page, "phieu-giai-trinh");
    await agency.context.close();

    await staff.page.goto(periodUrl);
    await expect(staff.page.locator("tr[data-agency=STP]").textContent()).resolves.toContain("Đã giải trình");
    await staff.page.goto(sheetUrls.STP);
    await step(staff.page, "step-startRound2");
    await staff.page.reload();
    await scoreInput(staff.page, codes[0]).fill(await maxOf(staff.page, codes[0]));
    await commentInput(staff.page, codes[0]).fill("Đã đủ minh chứng");
    expect(await saveSheet(staff.page, "round 2")).toBe("Đã lưu 1 tiêu chí.");
    await staff.page.reload();
    await submit(staff.page, "adjustments", { bonus: "1,5", bonusReason: "Sáng kiến cải cách được công nhận", penalty: "0" });
    await staff.page.reload();
    expect(await step(staff.page, "step-finalize")).toMatch(/Chốt điểm với điểm cuối cùng 100,00\? .*không sửa được/);
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
      // Headed in Vietnamese: read under the column names, which the import accepts as well.
      return parseScoresCsv(await response.text());
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
    // Every error of a refused file is listed by row and column (issue 14, item 7).
    const wrong = snv.map((r, i) => ({ ...r, self_score: i < 3 ? "999" : "" }));
    expect(await upload(wrong, table.meta.fields!, true)).toContain("Tệp có 3 lỗi, chưa ghi dữ liệu nào.");
    const issues = page.getByTestId("import-scores").getByTestId("issue-table").locator("tbody tr");
    await expect(issues.count()).resolves.toBe(3);
    await expect(issues.nth(2).textContent()).resolves.toMatch(/^4self_score.*vượt điểm tối đa/);
    await screenshot(page, "danh-gia-nhap-diem-loi");
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
    const { context, page } = await as("HOME_AFFAIRS", { at: periodUrl });
    await step(page, "publish");
    await page.reload();
    const rows = page.locator("[data-testid=period-table] tbody tr");
    await expect(rows.nth(0).textContent()).resolves.toMatch(/^1Sở Tư phápĐã chốt điểm.*100,00.*Xuất sắc/);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/^2Sở Nội vụĐã chốt điểm/);
    await screenshot(page, "danh-gia-cong-bo");
    await context.close();

    // The leader reads the published year but has no controls.
    const leader = await as("LEADER", { at: periodUrl });
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
    await form.locator("[data-field-for=deadline]").fill(new Date(Date.now() + 30 * 86_400_000).toLocaleDateString("en-GB", { timeZone: "UTC" }));
    await form.getByTestId("open-review-button").click();
    await form.getByTestId("open-confirm").click();
    await staff.page.waitForURL(/\/danh-gia\/\d+$/);
    const newPeriod = staff.page.url().split("/").pop();
    expect(newPeriod).not.toBe(periodId);
    const csv = parseScoresCsv(await (await staff.context.request.get(`${baseUrl}/api/v1/assessment-periods/${newPeriod}/scores?format=csv`)).text());
    const other = csv.data.find((r) => r.agency_code === "SNV")!;
    const sheetLink = await staff.page.locator("tr[data-agency=SNV] a").getAttribute("href");
    await staff.page.goto(baseUrl + sheetLink);
    const scoreId = (await scoreInput(staff.page, other.code).getAttribute("name"))!.split(":")[1];

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
    // The same refusal through the sheet's server action: the agency head's own sheet, its form
    // pointed at another agency's sheet once a score is typed (the authorization matrix checks
    // saveSheetAction for every role; this proves the browser shows the refusal).
    const headSheet = await head.context.newPage();
    await headSheet.goto(`${baseUrl}/danh-gia/${newPeriod}`);
    const ownSheet = await headSheet.locator("tr[data-agency=STP] a[href*='/danh-gia/']").first().getAttribute("href");
    await headSheet.goto(baseUrl + ownSheet);
    await headSheet.locator("input[name^='score:']").first().fill("1");
    const otherSheetId = sheetLink!.split("/").pop()!;
    await headSheet
      .getByTestId("score-sheet")
      .locator("input[type=hidden][name=assessmentId]")
      .evaluate((input, id) => {
        (input as HTMLInputElement).value = id;
      }, otherSheetId);
    expect(await saveSheet(headSheet, "tampered sheet")).toBe("Bạn không có quyền thực hiện thao tác này.");
    await expect(headSheet.locator("[data-testid=sheet-feedback]").getAttribute("data-state")).resolves.toBe("error");
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
