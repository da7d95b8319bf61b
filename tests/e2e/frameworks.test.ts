// Frameworks as data, in Chromium: reading the PAR INDEX 2022 framework, an administrator building
// a new framework node by node (and being stopped by the sum rule), exporting it; other roles see
// no edit controls and are refused by the API. Only rows this file creates are changed.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, lastAnswerSeq } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, as } = await e2e({ viewport: { width: 1280, height: 900 } });
const PAR_2022 = "Chỉ số CCHC cấp tỉnh giai đoạn 2022–2030";

async function par2022Url(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/bo-chi-so`);
  return `${baseUrl}${await page.locator("a", { hasText: PAR_2022 }).getAttribute("href")}`;
}

/** Fills the open criterion form and submits it; resolves with the tree notice or the form's error. */
async function submitNode(page: Page, values: { code: string; name: string; maxPoints: string }, recompute = true): Promise<{ ok: boolean; text: string }> {
  const form = page.getByTestId("criterion-form");
  await form.locator("[name=code]").fill(values.code);
  await form.locator("[name=name]").fill(values.name);
  await form.locator("[name=maxPoints]").fill(values.maxPoints);
  await form.locator("[name=recomputeParents]").setChecked(recompute);
  const seq = await lastAnswerSeq(form.getByTestId("form-error"));
  await form.locator("button[type=submit]").click();
  const notice = page.getByTestId("tree-notice");
  const error = form.locator(`[data-testid=form-error][data-seq="${seq + 1}"]`);
  await Promise.race([notice.waitFor(), error.waitFor()]);
  return (await notice.count()) > 0 ? { ok: true, text: (await notice.textContent()) ?? "" } : { ok: false, text: (await error.textContent()) ?? "" };
}

const maxOf = async (page: Page, code: string) => page.locator(`tr[data-code="${code}"] [data-testid=max-points]`).textContent();

describe("frameworks for an administrator", () => {
  it("lists the frameworks by index and opens PAR INDEX 2022: 8 fields, labelled illustrative", async () => {
    const { context, page } = await as("ADMIN", { at: "/bo-chi-so" });
    const par = page.locator("section[data-index=PAR_INDEX]");
    await expect(par.locator("tr", { hasText: PAR_2022 }).textContent()).resolves.toMatch(/Minh họa.*v22022–2030Quyết định 876\/QĐ-BNV/);
    await expect(page.locator("section[data-index=INTERNAL_PAR]").textContent()).resolves.toContain("Dữ liệu demo");
    await screenshot(page, "bo-chi-so-danh-sach");

    await page.click(`text=${PAR_2022}`);
    await page.waitForURL(/\/bo-chi-so\/\d+$/);
    await expect(page.locator("tr[data-level=FIELD]").count()).resolves.toBe(8);
    await expect(page.getByTestId("illustrative-badge").textContent()).resolves.toBe("Minh họa");
    await expect(page.getByTestId("tree-counts").textContent()).resolves.toMatch(/^8 lĩnh vực · \d+ tiêu chí · \d+ tiêu chí thành phần$/);
    await expect(maxOf(page, "1.1.1")).resolves.toBe("1,5");
    await expect(page.getByTestId("components").textContent()).resolves.toContain("61,5");
    await expect(page.locator("button", { hasText: "Sửa" }).first().isVisible()).resolves.toBe(true);
    await screenshot(page, "bo-chi-so-par-index-2022");
    await context.close();
  });

  it("creates a framework, builds its tree, is stopped by the sum rule, and exports it", async () => {
    const { context, page } = await as("ADMIN", { at: "/bo-chi-so/moi" });
    await page.selectOption("#indexCode", "INTERNAL_PAR");
    await page.locator("#ownerProvinceId").waitFor();
    await page.selectOption("#ownerProvinceId", { label: "An Giang" });
    await page.selectOption("#agencyKind", "COMMUNE");
    await page.fill("#name", "Bộ chỉ số CCHC UBND cấp xã (kiểm thử giao diện)");
    await page.fill("#decision", "Quyết định 99/QĐ-UBND");
    await page.fill("#validFromYear", "2032");
    await screenshot(page, "bo-chi-so-tao-moi");
    await page.click("form[data-testid=framework-form] button[type=submit]");
    await page.waitForURL(/\/bo-chi-so\/\d+$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Bộ chỉ số CCHC UBND cấp xã (kiểm thử giao diện)");
    await expect(page.getByTestId("status-badge").textContent()).resolves.toBe("Bản nháp");

    await page.click("text=+ Thêm lĩnh vực");
    expect(await submitNode(page, { code: "1", name: "Công tác chỉ đạo, điều hành CCHC", maxPoints: "60" })).toMatchObject({ ok: true });
    await page.click("text=+ Thêm lĩnh vực");
    expect(await submitNode(page, { code: "2", name: "Cải cách thủ tục hành chính", maxPoints: "40" })).toMatchObject({ ok: true });

    // A child that does not add up to its field, with the parent kept as typed: refused.
    await page.click("button[aria-label='Thêm mục con của 1']");
    await expect(page.getByTestId("criterion-form").locator("[name=code]").inputValue()).resolves.toBe("1.");
    const refused = await submitNode(page, { code: "1.1", name: "Kế hoạch CCHC năm", maxPoints: "22,5" }, false);
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain("Lĩnh vực 1: tổng điểm tối đa các tiêu chí con là 22,5 nhưng lĩnh vực là 60. Sửa điểm để hai số bằng nhau.");
    expect(refused.text).toContain('chọn "Tính lại điểm các cấp trên"');
    await expect(page.getByTestId("criterion-form").locator("[name=name]").inputValue()).resolves.toBe("Kế hoạch CCHC năm");
    await screenshot(page, "bo-chi-so-loi-tong-diem");
    await expect(maxOf(page, "1")).resolves.toBe("60");

    // The same child with the parents following their children.
    expect(await submitNode(page, { code: "1.1", name: "Kế hoạch CCHC năm", maxPoints: "22,5" }, true)).toMatchObject({ ok: true });
    await expect(maxOf(page, "1")).resolves.toBe("22,5");
    await page.click("button[aria-label='Thêm mục con của 1']");
    expect(await submitNode(page, { code: "1.2", name: "Kiểm tra, tuyên truyền CCHC", maxPoints: "37,5" })).toMatchObject({ ok: true });
    await expect(maxOf(page, "1")).resolves.toBe("60");
    await expect(page.getByTestId("tree-issues").count()).resolves.toBe(0);

    // Editing a field's maximum away from its children's sum: refused.
    await page.click("button[aria-label='Sửa 1']");
    const edit = await submitNode(page, { code: "1", name: "Công tác chỉ đạo, điều hành CCHC", maxPoints: "50" });
    expect(edit.text).toContain("Lĩnh vực 1: tổng điểm tối đa các tiêu chí con là 60 nhưng lĩnh vực là 50.");
    await page.click("text=Hủy");
    await screenshot(page, "bo-chi-so-cay-moi");

    const href = await page.getByTestId("export-csv").getAttribute("href");
    const response = await context.request.get(`${baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(/attachment; filename="bo-chi-so-bo-chi-so-cchc-ubnd-cap-xa-kiem-thu-giao-dien-v1\.csv"/);
    const csv = (await response.text()).replace(/^\uFEFF/, "");
    expect(csv.split("\r\n")).toEqual([
      "code,parent_code,level,name,max_points,method,guidance,required_evidence",
      '1,,FIELD,"Công tác chỉ đạo, điều hành CCHC",60,APPRAISAL,,',
      "1.1,1,CRITERION,Kế hoạch CCHC năm,22.5,APPRAISAL,,",
      '1.2,1,CRITERION,"Kiểm tra, tuyên truyền CCHC",37.5,APPRAISAL,,',
      "2,,FIELD,Cải cách thủ tục hành chính,40,APPRAISAL,,",
    ]);
    const xlsx = await context.request.get(`${baseUrl}${await page.getByTestId("export-xlsx").getAttribute("href")}`);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");

    // Moving points between two criteria in one save keeps every sum.
    await page.click("text=Sửa điểm tối đa");
    await page.waitForURL(/\/sua-diem$/);
    await page.fill("input[aria-label='Điểm tối đa 1.1']", "20");
    await expect(page.getByTestId("points-total").textContent()).resolves.toBe("97,5 ≠");
    await page.fill("input[aria-label='Điểm tối đa 1.2']", "40");
    await expect(page.getByTestId("points-total").textContent()).resolves.toBe("100 ✓");
    await screenshot(page, "bo-chi-so-sua-diem");
    await page.click("text=Lưu điểm tối đa");
    await expect(page.getByTestId("form-ok").textContent()).resolves.toBe("Đã lưu thay đổi.");
    await page.click("text=← Bộ chỉ số CCHC UBND cấp xã (kiểm thử giao diện) (v1)");
    await page.waitForURL(/\/bo-chi-so\/\d+$/);
    await expect(maxOf(page, "1.1")).resolves.toBe("20");
    await expect(maxOf(page, "1")).resolves.toBe("60");

    // A whole tree from a file: refused with the row to fix, then accepted.
    await page.click("text=Nhập cây tiêu chí từ tệp CSV/XLSX");
    const importForm = page.getByTestId("import-form");
    const upload = async (text: string) => {
      await importForm.locator("input[type=file]").setInputFiles({ name: "cay-tieu-chi.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
      await importForm.locator("button[type=submit]").click();
    };
    const header = "code,parent_code,level,name,max_points,method,guidance,required_evidence";
    await upload([header, "1,,,Công tác chỉ đạo,50,,,", "1.1,1,,Kế hoạch,20,,,", "1.2,1,,Kiểm tra,25,,,", "2,,,Thủ tục hành chính,50,,,"].join("\n"));
    // The message, then the same error in the table of every error by row and column.
    const sumRule = "Dòng 2: Lĩnh vực 1: tổng điểm tối đa các tiêu chí con là 45 nhưng lĩnh vực là 50. Sửa điểm để hai số bằng nhau.";
    await expect(importForm.getByTestId("form-error").textContent()).resolves.toBe(`${sumRule}DòngCộtLỗi2max_points${sumRule}`);
    await expect(maxOf(page, "2")).resolves.toBe("40");
    await upload(
      [
        header,
        "1,,,Công tác chỉ đạo,,,,",
        "1.1,1,,Kế hoạch,20,,Chấm theo kế hoạch năm,Kế hoạch CCHC",
        "1.2,1,,Kiểm tra,30,,,",
        "2,,,Thủ tục hành chính,50,,,",
      ].join("\n"),
    );
    await importForm.locator("[data-testid=form-ok][data-seq='2']").waitFor();
    await expect(maxOf(page, "1")).resolves.toBe("50");
    await expect(page.locator("tr[data-code='1.1']").textContent()).resolves.toContain("Tài liệu kiểm chứng: Kế hoạch CCHC");

    // Deleting a criterion; its field follows.
    await page.click("button[aria-label='Xóa 1.2']");
    await page.getByTestId("delete-form").locator("button[type=submit]").click();
    await expect(page.getByTestId("tree-notice").textContent()).resolves.toBe("Đã xóa tiêu chí 1.2.");
    await expect(page.locator("tr[data-code='1.2']").count()).resolves.toBe(0);
    await expect(maxOf(page, "1")).resolves.toBe("20");
    await expect(page.getByTestId("tree-issues").textContent()).resolves.toContain(
      "Tổng điểm tối đa các lĩnh vực là 70 nhưng điểm tối đa của bộ chỉ số là 100.",
    );
    await screenshot(page, "bo-chi-so-sau-nhap-va-xoa");
    await context.close();
  });

  it("tells the administrator that a framework in use is edited through new versions", async () => {
    const { context, page } = await as("ADMIN", { at: "/bo-chi-so" });
    await page.locator("section[data-index=INTERNAL_PAR] tr[data-framework-key=an-giang-so-ban-nganh][data-version='1'] a").click();
    await page.waitForURL(/\/bo-chi-so\/\d+$/);
    await expect(page.getByTestId("in-use-note").textContent()).resolves.toContain("tạo phiên bản mới (bản nháp)");
    await screenshot(page, "bo-chi-so-dang-dung");
    await context.close();
  });
});

describe("frameworks for other roles", () => {
  it("shows Home Affairs the framework without edit controls and refuses a direct import", async () => {
    const { context, page } = await as("HOME_AFFAIRS");
    const url = await par2022Url(page);
    await page.goto(url);
    await expect(page.locator("tr[data-level=FIELD]").count()).resolves.toBe(8);
    await expect(page.locator("button", { hasText: "Sửa" }).count()).resolves.toBe(0);
    await expect(page.locator("text=+ Thêm lĩnh vực").count()).resolves.toBe(0);
    await expect(page.getByTestId("import-form").count()).resolves.toBe(0);
    await expect(page.locator("summary", { hasText: "Sửa thông tin chung" }).count()).resolves.toBe(0);
    await expect(page.getByTestId("export-csv").isVisible()).resolves.toBe(true);
    await screenshot(page, "bo-chi-so-noi-vu");

    const id = url.split("/").pop();
    const before = await (await context.request.get(`${baseUrl}/api/v1/frameworks/${id}`)).json();
    const response = await context.request.post(`${baseUrl}/api/v1/frameworks/${id}/import`, {
      multipart: {
        revision: String(before.revision),
        file: { name: "cay.csv", mimeType: "text/csv", buffer: Buffer.from("code,parent_code,name,max_points\n1,,Một,100\n") },
      },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toBe("Bạn không có quyền thực hiện thao tác này.");
    const after = await (await context.request.get(`${baseUrl}/api/v1/frameworks/${id}`)).json();
    expect(after.revision).toBe(before.revision);
    expect(after.criteria).toHaveLength(before.criteria.length);

    await page.goto(`${baseUrl}/bo-chi-so/moi`);
    await expect(page.locator("main [role=alert]").textContent()).resolves.toContain("Chỉ quản trị hệ thống được tạo bộ chỉ số.");
    await context.close();
  });

  it("lets an agency head read the province's internal framework, read-only", async () => {
    const { context, page } = await as("AGENCY_HEAD", { at: "/bo-chi-so" });
    await page.locator("section[data-index=INTERNAL_PAR] a").first().click();
    await page.waitForURL(/\/bo-chi-so\/\d+$/);
    await expect(page.locator("tr[data-level=FIELD]").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("button", { hasText: "Xóa" }).count()).resolves.toBe(0);
    await context.close();
  });
});
