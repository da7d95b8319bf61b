// A province's plan from entry to report, in Chromium: Home Affairs staff enter a Kế hoạch like
// 4183/KH-UBND for An Giang with its two targets (PAR INDEX ≥ 80%, up 10–15 places), assign three
// tasks to agencies, the head of Sở Tư pháp reports progress with evidence and sends the quarterly
// report, staff compile the reports (print view, XLSX) and the leader reads it all.
// Only new rows of this file's own directive (4200/KH-UBND) are written.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readTable } from "@/lib/io/table-file";
import { typedOfDay } from "@/lib/time";
import { keepFile, screenshot, lastAnswerSeq } from "../support/browser";
import { pdfParts } from "../support/documents";
import { e2e } from "../support/portal";

const { baseUrl, as } = await e2e();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const NUMBER = "4200/KH-UBND";
let directiveUrl = "";

// Dates relative to today in Viet Nam, so that the run does not depend on when it happens.
const vnDay = (offsetDays: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const YEAR = Number(vnDay(0).slice(0, 4));
const PAST_DUE = vnDay(-10);
const FUTURE_DUE = vnDay(30);

/** Submits a form and waits for its next message; returns [state, text]. */
async function submit(page: Page, testId: string): Promise<[string, string]> {
  const form = page.getByTestId(testId);
  const seq = await lastAnswerSeq(form.locator("[role=status]"));
  // The next answer: the same message element with the next number, or a new one.
  await form.locator("[role=status]").evaluateAll((nodes) => {
    for (const n of nodes) n.setAttribute("data-old", "");
  });
  await form.locator("button[type=submit]").click();
  const status = form.locator(`[role=status][data-seq="${seq + 1}"], [role=status]:not([data-old])`).first();
  await status.waitFor({ state: "attached", timeout: 15_000 }).catch(async (error) => {
    await screenshot(page, `failed-${testId}`);
    throw error;
  });
  return [(await status.getAttribute("data-state")) ?? "", (await status.textContent()) ?? ""];
}

/** Opens the <details> around a form (sections fold their forms away). */
async function reveal(page: Page, testId: string) {
  await page.getByTestId(testId).evaluate((form) => {
    for (let node: Element | null = form; node; node = node.parentElement) if (node instanceof HTMLDetailsElement) node.open = true;
  });
}

describe("a directive from entry to report", () => {
  it("Home Affairs staff enter the plan; a malformed number is refused with a message", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: "/van-ban" });
    await expect(page.locator("[data-testid=directive-table] tr[data-number='1020/UBND-TH']").count()).resolves.toBe(1);
    await screenshot(page, "van-ban-danh-sach");
    await page.click("text=Thêm văn bản");
    await page.waitForURL(/\/van-ban\/moi$/);
    const form = page.getByTestId("directive-create");
    await expect(form.locator("[name=issuer]").inputValue()).resolves.toBe("UBND tỉnh An Giang");
    await form.locator("[name=number]").fill("4200-KH-UBND");
    await form.locator("[name=kind]").selectOption("KE_HOACH");
    // Dates are typed dd/mm/yyyy whatever the browser's language (a type="date" showed mm/dd/yyyy).
    await form.locator("[data-field-for=issuedOn]").fill(`10/01/${YEAR}`);
    await form.locator("[name=years]").fill(String(YEAR));
    await form.locator("[name=title]").fill(`Cải thiện Chỉ số cải cách hành chính (PAR INDEX) tỉnh An Giang năm ${YEAR}`);
    await form.locator("[name=summary]").fill("Phấn đấu PAR INDEX đạt từ 80% điểm tối đa trở lên, tăng từ 10 đến 15 bậc so với năm trước.");
    for (const box of await form.locator("input[name=reporting]").all()) await box.check();
    const [state, message] = await submit(page, "directive-create");
    expect(state).toBe("error");
    expect(message).toContain("4183/KH-UBND");
    await expect(form.locator("[data-field-error=number]").count()).resolves.toBe(1);
    await expect(form.locator("[data-field-for=issuedOn]").inputValue()).resolves.toBe(`10/01/${YEAR}`);
    await screenshot(page, "van-ban-moi-loi-so-ky-hieu");

    await form.locator("[name=number]").fill(NUMBER);
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/\/van-ban\/\d+$/);
    directiveUrl = page.url();
    await expect(page.getByTestId("directive-title").textContent()).resolves.toContain("PAR INDEX");
    // Stored as the day typed, shown again as dd/mm/yyyy in the edit form.
    await expect(page.getByTestId("directive-edit").locator("[data-field-for=issuedOn]").inputValue()).resolves.toBe(`10/01/${YEAR}`);
    await context.close();
  });

  it("staff set the two targets and assign three tasks, Sở Tư pháp leading one", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: directiveUrl });
    const target = page.getByTestId("target-add");
    await reveal(page, "target-add");
    await target.locator("[name=kind]").selectOption("MIN_PERCENT_OF_MAX");
    await target.locator("[name=indexCode]").selectOption("PAR_INDEX");
    await target.locator("[name=value]").fill("80");
    expect(await submit(page, "target-add")).toEqual(["ok", "Đã thêm chỉ tiêu."]);
    await reveal(page, "target-add");
    await target.locator("[name=kind]").selectOption("RANK_IMPROVEMENT");
    await target.locator("[name=indexCode]").selectOption("PAR_INDEX");
    await target.locator("[name=value]").fill("10");
    await target.locator("[name=valueMax]").fill("15");
    expect(await submit(page, "target-add")).toEqual(["ok", "Đã thêm chỉ tiêu."]);

    const task = page.getByTestId("task-add");
    const criterion = await task.locator("select[name=criterionIds] option", { hasText: "1.1.2 " }).first().getAttribute("value");
    const tasks = [
      {
        title: "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực tư pháp",
        lead: "Sở Tư pháp",
        co: ["Sở Nội vụ"],
        due: FUTURE_DUE,
        criteria: [criterion!],
      },
      {
        title: "Kiểm tra công tác cải cách hành chính tại các sở, ngành",
        lead: "Sở Nội vụ",
        co: ["Sở Tư pháp", "Thanh tra tỉnh"],
        due: PAST_DUE,
        criteria: [],
      },
      { title: "Bố trí kinh phí thực hiện kế hoạch cải cách hành chính", lead: "Sở Tài chính", co: [], due: FUTURE_DUE, criteria: [] },
    ];
    for (const t of tasks) {
      await reveal(page, "task-add");
      await task.locator("[name=title]").fill(t.title);
      await task.locator("[name=leadAgencyId]").selectOption({ label: t.lead });
      for (const name of t.co) await task.locator("label", { hasText: name }).locator("input[name=coAgencyIds]").check();
      await task.locator("[data-field-for=dueOn]").fill(typedOfDay(t.due));
      await task.locator("[name=criterionIds]").selectOption(t.criteria);
      expect(await submit(page, "task-add")).toEqual(["ok", "Đã thêm nhiệm vụ."]);
    }

    // The commitments each lead agency signs with the chairman: one form for the three agencies.
    await reveal(page, "bulk-targets");
    const bulk = page.getByTestId("bulk-targets");
    for (const name of ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"]) await bulk.locator("label", { hasText: name }).locator("input[name=agencyIds]").check();
    await bulk.locator("[name=note]").fill("Cam kết ký với Chủ tịch UBND tỉnh");
    expect(await submit(page, "bulk-targets")).toEqual(["ok", "Đã giao chỉ tiêu cho 3 cơ quan, đơn vị."]);

    await page.reload();
    const targets = page.locator("[data-testid=targets-table] tbody");
    await expect(targets.count()).resolves.toBe(5);
    await expect(targets.nth(0).textContent()).resolves.toContain("PAR INDEX ≥ 80% điểm tối đa");
    await expect(targets.nth(1).textContent()).resolves.toContain("PAR INDEX: tăng 10–15 bậc");
    // The year's results are not published yet; Sở Nội vụ's only task is overdue, so its commitment is at risk.
    await expect(targets.nth(0).locator("[data-target-status=not_yet_known]").count()).resolves.toBe(1);
    await expect(targets.nth(1).locator("[data-target-status=not_yet_known]").count()).resolves.toBe(1);
    const snvCommitment = page
      .locator("[data-testid=targets-table] tbody[data-target-kind=COMMITMENT_COMPLETION]")
      .filter({ has: page.locator("td:nth-child(3)", { hasText: "Sở Nội vụ" }) });
    await expect(snvCommitment.locator("[data-target-status=at_risk]").count()).resolves.toBe(1);
    await expect(snvCommitment.locator("[data-cell=gap]").textContent()).resolves.toBe("100%");
    const rows = page.locator("[data-testid=tasks-table] tbody");
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.nth(0).locator("[data-cell=lead]").textContent()).resolves.toBe("Sở Tư pháp");
    await expect(rows.nth(0).textContent()).resolves.toContain("Tiêu chí 1.1.2");
    await expect(page.locator("[data-testid=tasks-table] tbody[data-overdue=true]").count()).resolves.toBe(1);
    await expect(rows.nth(1).locator("[data-overdue=true]").textContent()).resolves.toBe("Quá hạn 10 ngày");
    await screenshot(page, "van-ban-chi-tiet-can-bo");
    await context.close();
  });

  it("the head of Sở Tư pháp sees the work, reports progress with evidence and sends the quarterly report", async () => {
    const { context, page } = await as("AGENCY_HEAD", { at: "/viec-cua-toi" });
    const mine = page.locator("[data-testid=my-tasks] tbody tr");
    await expect(mine.count()).resolves.toBe(2);
    await expect(mine.nth(0).textContent()).resolves.toContain("Phối hợp");
    await expect(mine.nth(1).textContent()).resolves.toContain("Chủ trì");
    await expect(page.locator("[data-testid=my-criteria] tr[data-code='1.1.2']").count()).resolves.toBe(1);
    await expect(page.getByTestId("my-reports").textContent()).resolves.toContain(`Quý I/${YEAR}`);
    await screenshot(page, "viec-cua-toi-thu-truong");

    await page.goto(directiveUrl);
    // Only the task Sở Tư pháp leads can be updated, and nothing can be re-assigned.
    await expect(page.locator("[data-testid^=progress-]").count()).resolves.toBe(1);
    await expect(page.locator("[data-testid^=task-edit-], [data-testid=task-add], [data-testid=target-add]").count()).resolves.toBe(0);
    await reveal(page, "progress-1");
    const progress = page.getByTestId("progress-1");
    await progress.locator("[name=status]").selectOption("IN_PROGRESS");
    await progress.locator("[name=progressPercent]").fill("60");
    await progress.locator("[name=progressNote]").fill("Đã rà soát 45/75 thủ tục; trình UBND tỉnh đơn giản hóa 12 thủ tục.");
    expect(await submit(page, "progress-1")).toEqual(["ok", "Đã cập nhật tiến độ nhiệm vụ."]);
    const evidence = page.getByTestId("task-file-1");
    // The file field speaks the portal's language (not Chromium's "Choose File"), naming the file chosen.
    await expect(evidence.getByTestId("chosen-file").textContent()).resolves.toBe("Chưa chọn tệp");
    await evidence.locator("input[type=file]").setInputFiles({ name: "bao-cao-ra-soat-tthc.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(evidence.getByTestId("chosen-file").textContent()).resolves.toBe("bao-cao-ra-soat-tthc.pdf");
    expect((await submit(page, "task-file-1"))[1]).toContain("bao-cao-ra-soat-tthc.pdf");

    const report = page.getByTestId("report-submit");
    await report.locator("[name=period]").selectOption(`${YEAR}-Q1`);
    await report.locator("[name=content]").fill("Quý I: ban hành kế hoạch rà soát thủ tục hành chính; tổ chức tập huấn cho 40 công chức.");
    expect(await submit(page, "report-submit")).toEqual(["ok", "Đã gửi báo cáo."]);

    await page.reload();
    const first = page.locator("[data-testid=tasks-table] tbody[data-task='1']");
    await expect(first.locator("[data-cell=status]").textContent()).resolves.toContain("60%");
    await expect(first.locator("[data-cell=progress-note]").textContent()).resolves.toContain("45/75");
    await expect(first.locator("a", { hasText: "bao-cao-ra-soat-tthc.pdf" }).count()).resolves.toBe(1);
    await expect(page.locator(`[data-testid=report-matrix] td[data-period='${YEAR}-Q1'] [data-report-state=submitted]`).count()).resolves.toBe(1);
    await screenshot(page, "van-ban-chi-tiet-thu-truong");

    // The evidence downloads for the agency; the compiled report is for staff and leaders.
    const href = await first.locator("a", { hasText: "bao-cao-ra-soat-tthc.pdf" }).getAttribute("href");
    const file = await context.request.get(`${baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(
      Buffer.from(await file.body())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const id = directiveUrl.split("/").pop();
    expect((await context.request.get(`${baseUrl}/api/v1/directives/${id}/report?format=xlsx`)).status()).toBe(403);
    await context.close();
  });

  it("staff see who has reported and export the compiled report; the print view is clean", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: directiveUrl });
    await expect(page.locator("[data-testid=report-matrix] tbody tr").count()).resolves.toBe(4);
    await page.click("text=Báo cáo tổng hợp (in, tải XLSX)");
    await page.waitForURL(/\/bao-cao/);
    await page.goto(`${directiveUrl}/bao-cao?ky=${YEAR}-Q1`);
    await expect(page.getByTestId("report-heading").textContent()).resolves.toContain(NUMBER);
    await expect(page.getByTestId("report-summary").textContent()).resolves.toContain("1/4 cơ quan đã báo cáo");
    await expect(page.locator("[data-testid=compiled-table] tbody tr").count()).resolves.toBe(4);
    await screenshot(page, "bao-cao-tong-hop");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("nav[aria-label='Kỳ báo cáo']").isVisible()).resolves.toBe(false);
    await screenshot(page, "bao-cao-tong-hop-ban-in");
    // On paper the first page starts with the heading and the compiled table, no buttons or links.
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    keepFile("bao-cao-tong-hop-ban-in.pdf", pdf);
    const { pages } = await pdfParts(pdf);
    const firstPage = pages[0].text.replace(/\s+/g, ""); // words wrap in narrow columns
    expect(firstPage).toContain(NUMBER);
    expect(firstPage).toContain("SởTưpháp");
    expect(firstPage).toContain("Nhiệmvụ(3)");
    expect(firstPage).not.toContain("TảiXLSX");
    await page.emulateMedia({ media: "screen" });

    const xlsx = await context.request.get(`${baseUrl}${await page.getByTestId("download-xlsx").getAttribute("href")}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    const table = await readTable(Buffer.from(await xlsx.body()), "xlsx");
    const stp = table.rows.find((r) => r.values["cơ quan, đơn vị"] === "Sở Tư pháp");
    expect(stp?.values).toMatchObject({ "kỳ báo cáo": `Quý I/${YEAR}`, "tình trạng": "Đã báo cáo" });
    expect(stp?.values["nội dung báo cáo"]).toContain("40 công chức");
    await context.close();
  });

  it("the leader reads the plan without edit controls, and finds it by search and status", async () => {
    const { context, page } = await as("LEADER", { at: "/van-ban?q=4200&status=overdue" });
    await expect(page.locator("[data-testid=directive-table] tbody tr").count()).resolves.toBe(1);
    await page.click(`text=${NUMBER}`);
    await page.waitForURL(/\/van-ban\/\d+$/);
    await expect(page.locator("[data-testid=targets-table] [data-target-status]").count()).resolves.toBe(5);
    await expect(page.locator("form[data-testid]").count()).resolves.toBe(0);
    await screenshot(page, "van-ban-chi-tiet-lanh-dao");
    await context.close();
  });
});
