// lib words its messages in the language of the request being answered (lib/i18n/message-locale.ts):
// Vietnamese outside a request, as the existing tests read them, and English inside an English one.
// Next.js provides AsyncLocalStorage on globalThis; here the test does, before lib is loaded.
import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";

(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
const { inLocale, messageLocale } = await import("@/lib/i18n/message-locale");
const { z } = await import("@/lib/validation/zod");
const { NotFoundError, parseInput, ValidationError } = await import("@/lib/errors");
const { checkFileSize } = await import("@/lib/io/upload");
const { readTable, tableFormatOf } = await import("@/lib/io/table-file");
const { parseDecimal, resolveTotal } = await import("@/lib/results/components");
const { loginSchema } = await import("@/lib/auth/schema");
const { crossSiteRefusal } = await import("@/lib/api/same-origin");
const { profileDateSchema } = await import("@/lib/profiles/schema");
const { accountCreateSchema } = await import("@/lib/accounts/schema");
const { readAccountRows } = await import("@/lib/accounts/import/rows");
const { actionLabel, entityLabel, showValue } = await import("@/lib/audit/view");
const { ASSESSMENT_STATUS_LABELS } = await import("@/lib/assessments/workflow");
const { directiveSchema } = await import("@/lib/directives/schema");
const { reportingPeriods } = await import("@/lib/directives/rules");
const { relationText } = await import("@/lib/directives/labels");
const { targetSchema } = await import("@/lib/targets/schema");
const { evaluateTarget, targetText } = await import("@/lib/targets/evaluate");
const { checkTree } = await import("@/lib/frameworks/tree");
const { pointsSchema } = await import("@/lib/frameworks/schema");
const { leaderDashboardParamsSchema } = await import("@/lib/dashboards/schema");

const schema = z.object({ year: z.number().int().max(2100), name: z.string().min(1).max(5) });
const issues = (input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => i.message);
  }
  return [];
};

describe("the language of lib's messages", () => {
  it("is Vietnamese outside a request", () => {
    expect(messageLocale()).toBe("vi");
    expect(issues({ year: "x", name: "" })).toEqual(['Trường "year": cần số, không phải văn bản.', 'Trường "name": chưa nhập: điền giá trị cho trường này.']);
    expect(new NotFoundError().message).toBe("Không tìm thấy dữ liệu yêu cầu.");
  });

  it("is the request's inside inLocale, across awaits, and Vietnamese again after it", async () => {
    const english = await inLocale("en", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { issues: issues({ year: 2200, name: "abcdefgh" }), notFound: new NotFoundError().message };
    });
    expect(english.issues).toEqual(['Field "year": too large: at most 2,100.', 'Field "name": too long: at most 5 characters.']);
    expect(english.notFound).toBe("The requested data was not found.");
    expect(issues({ year: 2200, name: "abcdefgh" })).toEqual(['Trường "year": quá lớn: tối đa 2.100.', 'Trường "name": dài quá: tối đa 5 ký tự.']);
  });

  it("words file errors in the request's language too", async () => {
    const refusal = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return (error as InstanceType<typeof ValidationError>).issues[0].message;
      }
      return null;
    };
    expect(refusal(() => tableFormatOf("bang.pdf"))).toBe('Tệp "bang.pdf" không phải CSV hoặc XLSX: lưu bảng dưới dạng .csv (UTF-8) hoặc .xlsx.');
    expect(inLocale("en", () => refusal(() => checkFileSize("big.xlsx", 60 * 1024 * 1024, 50 * 1024 * 1024)))).toBe(
      'The file "big.xlsx" is larger than 50 MB. Compress or split it, then upload it again.',
    );
    const csv = Buffer.from('year,index\n2023,"PAR\n');
    await expect(inLocale("en", () => readTable(csv, "csv"))).rejects.toMatchObject({
      issues: [{ row: 2, message: expect.stringContaining("never closes it (near row 2)") }],
    });
    await expect(readTable(csv, "csv")).rejects.toMatchObject({
      issues: [{ row: 2, message: expect.stringContaining("một ô mở dấu nháy kép mà không đóng (gần dòng 2)") }],
    });
  });

  it("words the results import's problems with the numbers of the language", () => {
    const sipas = { code: "SIPAS", nameVi: "Chỉ số hài lòng (SIPAS)", maxPoints: 10 };
    const input = { score: 85.8, components: { SIPAS: 10.5 }, defs: [sipas], additive: true, maxScore: 100, label: "PAR INDEX 2023" };
    expect(resolveTotal(input)).toEqual({
      ok: false,
      issues: [{ key: "SIPAS", message: "Chỉ số hài lòng (SIPAS) phải từ 0 đến 10 điểm (đang là 10,5)." }],
    });
    expect(inLocale("en", () => resolveTotal(input))).toEqual({
      ok: false,
      issues: [{ key: "SIPAS", message: "Chỉ số hài lòng (SIPAS) must be from 0 to 10 points (it is 10.5)." }],
    });
    expect(inLocale("en", () => parseDecimal("9,123"))).toEqual({ ok: false, message: '"9,123" has more than 2 decimals.' });
  });

  it("words the sign-in form's problems and the cross-site refusal in the visitor's language", async () => {
    const problems = () => loginSchema.safeParse({ email: "x".repeat(300), password: "" }).error?.issues.map((i) => i.message);
    expect(problems()).toEqual(["Email quá dài (tối đa 254 ký tự).", "Vui lòng nhập mật khẩu."]);
    expect(inLocale("en", problems)).toEqual(["The email is too long (at most 254 characters).", "Please enter your password."]);
    expect(inLocale("en", () => loginSchema.safeParse({ email: "ten", password: "p" }).error?.issues[0].message)).toBe(
      "The email is not valid; it should look like ten@donvi.gov.vn.",
    );
    expect(await crossSiteRefusal(undefined).json()).toEqual({
      error: expect.stringMatching(/^Yêu cầu bị từ chối: thao tác thay đổi dữ liệu/),
    });
    const english = crossSiteRefusal("en");
    expect(english.status).toBe(403);
    expect(await english.json()).toEqual({
      error: expect.stringMatching(/^Request refused: changes to data are accepted only from the portal's own pages/),
    });
  });

  it("words a schema's own messages when the input is checked, not when the module loads", () => {
    const problem = () => profileDateSchema.safeParse("2025-02-30").error?.issues[0].message;
    expect(problem()).toBe("Tham số ngay không phải một ngày có thật, ví dụ 2025-06-30.");
    expect(inLocale("en", problem)).toBe("The parameter ngay is not a real date, e.g. 2025-06-30.");
  });

  it("names a form's fields in the request's language, with the Vietnamese wording unchanged", () => {
    const input = { email: "ten", name: "x".repeat(201), role: "LEADER", agencyId: "-1" };
    const problems = () => accountCreateSchema.safeParse(input).error?.issues.map((i) => i.message);
    expect(problems()).toEqual(["Email không đúng định dạng, ví dụ: ten@donvi.gov.vn.", "Họ và tên tối đa 200 ký tự.", "Cơ quan không hợp lệ."]);
    expect(inLocale("en", problems)).toEqual([
      "The email is not valid; it should look like ten@donvi.gov.vn.",
      "The full name: at most 200 characters.",
      "The agency is not valid.",
    ]);
  });

  it("reads an accounts file's roles in either language and words its problems in the request's", () => {
    const rows = [
      { row: 2, values: { email: "a@x.vn", name: "A", role: "Head of agency" } },
      { row: 3, values: { email: "a@x.vn", name: "B", role: "Lãnh đạo UBND tỉnh" } },
    ];
    const messages = () => readAccountRows(["email", "name", "role"], rows).issues.map((i) => i.message);
    expect(messages()).toEqual(["Nhập mã cơ quan, đơn vị mà thủ trưởng này phụ trách.", "Email a@x.vn trùng với dòng 2."]);
    expect(inLocale("en", messages)).toEqual(["Enter the code of the agency this head of agency leads.", "The email a@x.vn is also on row 2."]);
  });

  it("names the audit log's actions, entities and values, and an assessment's status, in the request's language", () => {
    const words = () => [
      actionLabel("criterionScore.import.self"),
      actionLabel("unknown.action"),
      entityLabel("AssessmentPeriod"),
      showValue(true),
      showValue(1.5),
      ASSESSMENT_STATUS_LABELS.ROUND1,
    ];
    expect(words()).toEqual(["Nhập điểm tự chấm từ tệp", "unknown.action", "Kỳ đánh giá", "có", "1,5", "Thẩm định vòng 1"]);
    expect(inLocale("en", words)).toEqual(["Import self-scores from a file", "unknown.action", "Assessment period", "yes", "1.5", "Appraisal round 1"]);
  });

  it("words directives, targets, frameworks and dashboards in the request's language, naming fields by key", () => {
    const directive = () =>
      directiveSchema
        .safeParse({ provinceId: "1", number: "1/KH-UBND", kind: "KE_HOACH", issuer: "", title: "x", years: "2019", signer: "x".repeat(201) })
        .error?.issues.map((i) => i.message);
    expect(directive()).toEqual(["Nhập cơ quan ban hành, ví dụ UBND tỉnh An Giang.", "Người ký tối đa 200 ký tự."]);
    expect(inLocale("en", directive)).toEqual(["Enter the issuing body, e.g. UBND tỉnh An Giang.", "The signer: at most 200 characters."]);
    const target = () => targetSchema.safeParse({ directiveId: "1", kind: "MIN_SCORE", year: "2025", value: "x" }).error?.issues.map((i) => i.message);
    expect(target()).toEqual(["Giá trị chỉ tiêu phải là một số, tối đa 2 chữ số thập phân (ví dụ 80 hoặc 82,5)."]);
    expect(inLocale("en", target)).toEqual(["The target's value must be a number with at most 2 decimals (e.g. 80 or 82.5)."]);

    const spec = { kind: "MIN_SCORE" as const, year: 2025, value: 85.5, valueMax: null, unit: "điểm", subject: "PAR INDEX" };
    const facts = { maxScore: 100, current: { year: 2025, score: 80.25, rank: null }, previous: null, provisional: null, tasks: null };
    const evaluation = () => [targetText(spec), evaluateTarget(spec, facts).explanation];
    expect(evaluation()).toEqual(["PAR INDEX ≥ 85,5 điểm", "Không đạt: PAR INDEX năm 2025 là 80,25 điểm, thấp hơn chỉ tiêu 85,50 điểm (thiếu 5,25 điểm)."]);
    expect(inLocale("en", evaluation)).toEqual([
      "PAR INDEX ≥ 85.5 points",
      "Missed: PAR INDEX in 2025 is 80.25 points, below the target 85.50 points (5.25 points short).",
    ]);

    const periods = () => reportingPeriods(["QUARTERLY", "HALF_YEAR"], 2025).map((p) => p.label);
    expect(periods()).toEqual(["Quý I/2025", "6 tháng đầu năm 2025", "Quý III/2025", "6 tháng cuối năm 2025"]);
    expect(inLocale("en", periods)).toEqual(["Q1 2025", "First half of 2025", "Q3 2025", "Second half of 2025"]);
    expect([relationText("Triển khai", "to"), inLocale("en", () => relationText("Triển khai", "to"))]).toEqual(["Được triển khai bởi", "Implemented by"]);

    const row = {
      code: "1",
      parentCode: null,
      level: null,
      name: "",
      maxPoints: -1,
      method: "APPRAISAL" as const,
      guidance: null,
      requiredEvidence: null,
      row: 2,
    };
    const tree = () => checkTree([row], { maxScore: 10, requireTotal: false }).issues.map((i) => i.message);
    expect(tree()).toEqual(["Dòng 2: Lĩnh vực 1: thiếu tên. Nhập tên tiêu chí.", "Dòng 2: Lĩnh vực 1: điểm tối đa không được âm (đang là -1)."]);
    expect(inLocale("en", tree)).toEqual([
      "Row 2: Field 1: the name is missing. Enter the criterion's name.",
      "Row 2: Field 1: the maximum cannot be negative (it is -1).",
    ]);
    const points = () => pointsSchema("bonusCap").safeParse("2,555").error?.issues[0].message;
    expect([points(), inLocale("en", points)]).toEqual([
      "Điểm thưởng tối đa: chỉ dùng tối đa 2 chữ số thập phân, ví dụ 2,25.",
      "The maximum bonus: use at most 2 decimals, e.g. 2.25.",
    ]);
    const dashboard = () => leaderDashboardParamsSchema.safeParse({ tinh: "x" }).error?.issues[0].message;
    expect([dashboard(), inLocale("en", dashboard)]).toEqual([
      "Tham số tinh phải là mã số của tỉnh, thành phố: chọn trong danh sách.",
      "The tinh parameter must be the id of a province or city: choose one from the list.",
    ]);
  });
});
