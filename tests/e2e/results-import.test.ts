import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { screenshot, signIn } from "../support/browser";
import { e2e } from "../support/portal";

// PAR INDEX 2020 and 2017 have no seeded results.
const { baseUrl, browser } = await e2e();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  page = await context.newPage();
});

const SOURCE = "Bảng kiểm thử đầu cuối (không phải số liệu công bố)";
const TABLE_2020 = [
  "year,index,unit_code,score,rank,source,appraisal,sipas,leader_survey,socio_economic",
  `2020,PAR_INDEX,22,,1,${SOURCE},57.1,9.1,18.4,5.6`,
  `2020,PAR_INDEX,31,"89,42",2,${SOURCE},,,,`,
  `2020,PAR_INDEX,01,88.8,,${SOURCE},,,,`,
  `2020,PAR_INDEX,89,84.05,,${SOURCE},,,,`,
  `2020,PAR_INDEX,06,77.3,63,${SOURCE},,,,`,
].join("\n");
const csv = (text: string, name = "par-index-2020.csv") => ({ name, mimeType: "text/csv", buffer: Buffer.from(`${text}\n`) });

async function signedInAs(email: string) {
  await signIn(page, baseUrl, email);
  await page.waitForURL(/\/trang-chu$/);
}

describe("import of a national table in the browser", () => {
  // The national table, rows of several provinces: an administrator's (README, "Published results").
  it("previews a PAR INDEX 2020 table as an administrator, commits it, and the ranking shows it", async () => {
    await signedInAs("quantri@demo.local");
    await page.goto(`${baseUrl}/ket-qua/nhap-khau`);
    await page.setInputFiles("[data-testid=import-form] input[type=file]", csv(TABLE_2020));
    await page.getByRole("button", { name: "Xem trước" }).click();
    const preview = page.locator("[data-testid=import-preview][data-dry-run='1']");
    await preview.waitFor();
    await expect(page.getByTestId("import-summary").textContent()).resolves.toBe("Mới: 5Cập nhật: 0Không đổi: 0");
    const rows = page.locator("[data-testid=import-rows] tbody tr");
    await expect(rows.count()).resolves.toBe(5);
    await expect(rows.first().textContent()).resolves.toContain("Quảng Ninh");
    await expect(rows.first().textContent()).resolves.toContain("90,20");
    await screenshot(page, "ket-qua-nhap-khau-xem-truoc");

    await page.getByRole("button", { name: "Nhập dữ liệu" }).click();
    await page.locator("[data-testid=import-preview][data-dry-run='0']").waitFor();
    await expect(page.locator("[data-testid=import-preview] [role=status]").textContent()).resolves.toContain("Đã nhập năm 2020: 5 dòng mới");
    await screenshot(page, "ket-qua-nhap-khau-da-nhap");

    await page.getByRole("link", { name: "Xem bảng xếp hạng PAR INDEX năm 2020" }).click();
    await page.waitForURL(/\/xep-hang\?index=PAR_INDEX&year=2020/);
    await expect(page.locator("h1").textContent()).resolves.toContain("Xếp hạng PAR INDEX năm 2020");
    const ranking = page.locator("[data-testid=ranking-table] tbody tr");
    await expect(ranking.first().textContent()).resolves.toMatch(/^1Quảng Ninh90,20/);
    await expect(ranking.nth(2).textContent()).resolves.toMatch(/^3–61Hà Nội88,80/); // unranked in a partial table: bounds
    await expect(page.getByTestId("partial-note").textContent()).resolves.toContain("5/63");
    await screenshot(page, "xep-hang-par-index-2020-sau-nhap-khau");

    // The XLSX export of the year, uploaded again, changes nothing.
    const exported = await context.request.get(`${baseUrl}/api/v1/exports/results?index=PAR_INDEX&year=2020&format=xlsx`);
    expect(exported.status()).toBe(200);
    await page.goto(`${baseUrl}/ket-qua/nhap-khau`);
    await page.setInputFiles("[data-testid=import-form] input[type=file]", {
      name: "ket-qua-PAR_INDEX-2020.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await exported.body(),
    });
    await expect(page.getByTestId("chosen-file").textContent()).resolves.toBe("ket-qua-PAR_INDEX-2020.xlsx");
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.locator("[data-testid=import-preview][data-dry-run='1']").waitFor();
    await expect(page.getByTestId("import-summary").textContent()).resolves.toBe("Mới: 0Cập nhật: 0Không đổi: 5");
  });

  it("lists every error of a bad file by row and column, and writes nothing", async () => {
    await signedInAs("noivu@demo.local");
    await page.goto(`${baseUrl}/ket-qua/nhap-khau`);
    const bad = [
      "year,index,unit_code,score,rank,source,appraisal,sipas,leader_survey,socio_economic",
      `2020,PAR_INDEX,30,88.1,,${SOURCE},,,,`,
      `2020,PAR_INDEX,99,88.1,,${SOURCE},,,,`,
      `2020,PAR_INDEX,33,85.5,,${SOURCE},55,8,18,5`,
      `2021,PAR_INDEX,34,85,,${SOURCE},,,,`,
      `2020,PAR_INDEX,22,91.5,1,${SOURCE},,,,`,
    ].join("\n");
    await page.setInputFiles("[data-testid=import-form] input[type=file]", csv(bad, "bang-loi.csv"));
    await page.getByRole("button", { name: "Xem trước" }).click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    await expect(errors.locator("p").first().textContent()).resolves.toContain("Tệp có 5 lỗi nên chưa ghi dòng nào");
    const cells = await errors
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 2).map((td) => td.textContent)));
    // Rows of other provinces, new (row 2) or changed (row 6), are not Home Affairs staff's to write.
    expect(cells).toEqual([
      ["2", "unit_code"],
      ["3", "unit_code"],
      ["4", "score"],
      ["5", "year"],
      ["6", "score"],
    ]);
    await expect(errors.locator("tbody tr").first().textContent()).resolves.toContain("Chỉ quản trị hệ thống được nhập kết quả của tỉnh khác");
    await expect(errors.locator("tbody tr").last().textContent()).resolves.toContain("Chỉ quản trị hệ thống được nhập kết quả của tỉnh khác");
    await expect(page.getByRole("button", { name: "Nhập dữ liệu" }).count()).resolves.toBe(0);
    await screenshot(page, "ket-qua-nhap-khau-loi");
  });
});

describe("a province's results and the entry form", () => {
  it("lists An Giang's results with the old units, then enters a result whose total is the sum of its components", async () => {
    await signedInAs("noivu@demo.local");
    await page.goto(`${baseUrl}/ket-qua`);
    await expect(page.getByTestId("province").textContent()).resolves.toBe("An Giang (từ 01/07/2025)");
    const row2018 = page.locator("[data-testid=province-results] tbody tr", { hasText: "2018" }).first();
    await expect(row2018.textContent()).resolves.toContain("80,77");
    await screenshot(page, "ket-qua-an-giang");

    await page.goto(`${baseUrl}/ket-qua/nhap?index=PAR_INDEX&year=2022`);
    await expect(page.locator("#provinceId option").allTextContents()).resolves.toEqual(["— Chọn tỉnh, thành phố —", "An Giang (mã 89)", "Kiên Giang (mã 91)"]);
    await expect(page.locator("fieldset legend").allTextContents()).resolves.toEqual(["Điểm thành phần", "Điểm theo lĩnh vực (nếu nguồn công bố)"]);
    await screenshot(page, "ket-qua-nhap-2022");

    await page.goto(`${baseUrl}/ket-qua/nhap?index=PAR_INDEX&year=2017`);
    await page.selectOption("#provinceId", { label: "An Giang (mã 89)" });
    await page.fill("[name='components.APPRAISAL']", "52,5");
    await page.fill("[name='components.SIPAS']", "8,25");
    await page.fill("[name='components.LEADER_SURVEY']", "17");
    await page.fill("[name='components.SOCIO_ECONOMIC']", "11");
    await page.fill("#source", SOURCE);
    await page.getByRole("button", { name: "Lưu kết quả" }).click();
    const status = page.getByTestId("form-status");
    await status.waitFor();
    await expect(status.getAttribute("data-state")).resolves.toBe("error");
    await expect(page.locator("[data-field-error='components.SOCIO_ECONOMIC']").textContent()).resolves.toBe(
      "Tác động đến phát triển KT-XH phải từ 0 đến 6,5 điểm (đang là 11).",
    );
    await expect(page.inputValue("[name='components.APPRAISAL']")).resolves.toBe("52,5");
    await screenshot(page, "ket-qua-nhap-loi-thanh-phan");

    await page.fill("[name='components.SOCIO_ECONOMIC']", "5,5");
    await page.getByRole("button", { name: "Lưu kết quả" }).click();
    await page.locator("[data-testid=form-status][data-state=ok]").waitFor();
    await page.goto(`${baseUrl}/ket-qua`);
    const row2017 = page.locator("[data-testid=province-results] tbody tr", { hasText: "2017" }).first();
    await expect(row2017.textContent()).resolves.toContain("83,25");
    await screenshot(page, "ket-qua-an-giang-sau-nhap");
  });

  it("lets an administrator pick a province", async () => {
    await signedInAs("quantri@demo.local");
    await page.goto(`${baseUrl}/ket-qua`);
    await page.selectOption("select[name=tinh]", { label: "Hải Phòng (mã 31)" });
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/tinh=\d+/);
    await expect(page.getByTestId("province").textContent()).resolves.toBe("Hải Phòng (từ 01/07/2025)");
    const row2024 = page.locator("section[aria-labelledby=index-PAR_INDEX] [data-testid=province-results] tbody tr", { hasText: "2024" }).first();
    await expect(row2024.textContent()).resolves.toMatch(/2024Hải Phòng.*96,171\/63hạng công bốA/);
    await screenshot(page, "ket-qua-quan-tri-hai-phong");
  });

  it("tells a leader that the page is for Home Affairs staff", async () => {
    await signedInAs("lanhdao@demo.local");
    await page.goto(`${baseUrl}/ket-qua/nhap-khau`);
    await expect(page.locator("main [role=alert]").textContent()).resolves.toContain("Chỉ cán bộ Sở Nội vụ và quản trị hệ thống");
  });
});

describe("POST /api/v1/imports/results", () => {
  const url = `${baseUrl}/api/v1/imports/results`;
  const multipart = (text: string, dryRun = true) => ({ multipart: { file: csv(text), ...(dryRun ? { dryRun: "1" } : {}) } });

  it("answers a dry run of Home Affairs staff with the summary and writes nothing; rows of other provinces, new or changed, are refused even then", async () => {
    await signedInAs("noivu@demo.local");
    // The national table as stored, with a change to their own (old) unit An Giang (89).
    const table = TABLE_2020.replace("84.05", "84.1");
    const response = await context.request.post(url, multipart(table));
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ dryRun: true, year: 2020, summary: { new: 0, updated: 1, unchanged: 4 } });
    expect(body.rows[3]).toMatchObject({ row: 5, unitCode: "89", unitName: "An Giang", status: "updated" });
    const again = await context.request.post(url, multipart(table));
    expect((await again.json()).summary).toEqual({ new: 0, updated: 1, unchanged: 4 });

    const added = await context.request.post(url, multipart(`${TABLE_2020}\n2020,PAR_INDEX,35,83.6,,${SOURCE},,,,`));
    expect(added.status()).toBe(400);
    expect((await added.json()).issues).toEqual([
      { row: 7, column: "unit_code", message: expect.stringMatching(/^Chỉ quản trị hệ thống được nhập kết quả của tỉnh khác .*\(Hà Nam/) },
    ]);
    const changed = await context.request.post(url, multipart(TABLE_2020.replace('"89,42"', "89.5")));
    expect(changed.status()).toBe(400);
    expect((await changed.json()).issues).toEqual([
      { row: 3, column: "score", message: expect.stringMatching(/^Chỉ quản trị hệ thống được nhập kết quả của tỉnh khác .*\(Hải Phòng/) },
    ]);
  });

  it("refuses a leader with 403 and a signed-out caller with 401", async () => {
    await signedInAs("lanhdao@demo.local");
    const leader = await context.request.post(url, multipart(TABLE_2020));
    expect(leader.status()).toBe(403);
    expect((await leader.json()).error).toContain("không có quyền");
    const anonymous = await browser.newContext();
    const signedOut = await anonymous.request.post(url, multipart(TABLE_2020));
    expect(signedOut.status()).toBe(401);
    expect((await signedOut.json()).error).toBe("Vui lòng đăng nhập.");
    await anonymous.close();
  });

  it("answers a bad file with 400 and every issue", async () => {
    await signedInAs("quantri@demo.local");
    const response = await context.request.post(url, multipart("year,index,unit_code,score\n2020,PAR_INDEX,22,90"));
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.issues).toEqual([
      { row: 1, column: "rank", message: expect.stringContaining('Thiếu cột "rank"') },
      { row: 1, column: "source", message: expect.stringContaining('Thiếu cột "source"') },
    ]);
    const missing = await context.request.post(url, { multipart: { dryRun: "1" } });
    expect(missing.status()).toBe(400);
    expect((await missing.json()).issues[0]).toMatchObject({ field: "file" });
  });
});
