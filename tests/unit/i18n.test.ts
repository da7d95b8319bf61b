// The i18n layer's pure parts: which language a request gets, numbers and dates in each language,
// the request-independent translator lib code uses, and the label tables lib still keeps for its
// own messages, which must say what the catalogue says.
import { describe, expect, it } from "vitest";
import { ASSESSMENT_STATUS_LABELS } from "@/lib/assessments/workflow";
import { DIRECTIVE_KIND_LABELS } from "@/lib/directives/labels";
import { LEVEL_LABELS, METHOD_LABELS } from "@/lib/frameworks/labels";
import { CLIENT_NAMESPACES, MESSAGES, pickMessages } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE, isLocale, resolveLocale } from "@/lib/i18n/config";
import { formatFor } from "@/lib/i18n/format";
import { localeChoiceSchema } from "@/lib/preferences/schema";
import { translator } from "@/lib/i18n/translator";
import { TASK_STATUS_LABELS } from "@/lib/tasks/labels";
import { TARGET_KIND_LABELS } from "@/lib/targets/evaluate";

describe("the language of a request", () => {
  it("is the signed-in user's saved choice, over the cookie", () => {
    expect(resolveLocale("en", "vi")).toBe("en");
    expect(resolveLocale("vi", "en")).toBe("vi");
  });
  it("is the cookie when the user has not chosen (or for a visitor)", () => {
    expect(resolveLocale(null, "en")).toBe("en");
    expect(resolveLocale(undefined, "vi")).toBe("vi");
  });
  it("is Vietnamese otherwise, and for anything that is not a supported language", () => {
    expect(DEFAULT_LOCALE).toBe("vi");
    expect(resolveLocale(null, null)).toBe("vi");
    expect(resolveLocale("fr", "de")).toBe("vi");
    expect(resolveLocale("EN", "")).toBe("vi");
    expect(isLocale("en")).toBe(true);
    expect(isLocale("en-GB")).toBe(false);
  });
  it("is chosen with a validated form field that names the field when wrong", () => {
    expect(localeChoiceSchema.parse({ locale: "en" })).toEqual({ locale: "en" });
    const refused = localeChoiceSchema.safeParse({ locale: "fr" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toContain('Trường "locale"');
  });
});

describe("numbers and dates", () => {
  const vi = formatFor("vi");
  const en = formatFor("en");
  const day = new Date("2021-09-20T00:00:00Z");
  it("are written 85,30 · 20/09/2021 in Vietnamese", () => {
    expect(vi.score(85.3)).toBe("85,30");
    expect(vi.points(61.5)).toBe("61,5");
    expect(vi.integer(1234)).toBe("1.234");
    expect(vi.calendarDate(day)).toBe("20/09/2021");
    expect(vi.day("2019-07-17")).toBe("17/07/2019");
    expect(vi.decimal(1234.5)).toBe("1234,5");
    expect(vi.signedPoints(-0.5)).toBe("−0,5");
    expect(vi.signedPoints(1.25)).toBe("+1,25");
  });
  it("are written 85.30 · 20/09/2021 in English (day first, as the portal's users read dates)", () => {
    expect(en.score(85.3)).toBe("85.30");
    expect(en.points(61.5)).toBe("61.5");
    expect(en.integer(1234)).toBe("1,234");
    expect(en.calendarDate(day)).toBe("20/09/2021");
    expect(en.day("2019-07-17")).toBe("17/07/2019");
    expect(en.decimal(1234.5)).toBe("1234.5");
  });
  it("show moments in Vietnam's time and a dash when missing", () => {
    // 17:30 UTC is already the next day in Hà Nội.
    expect(vi.dateTime(new Date("2025-12-15T17:30:00Z"))).toContain("16/12/2025");
    expect(en.dateTime(new Date("2025-12-15T17:30:00Z"))).toContain("16/12/2025");
    expect(vi.date(new Date("2025-12-15T17:30:00Z"))).toBe("16/12/2025");
    // "Đã công bố lúc 14:38 ngày 05/12/2026": the time of day on its own, in Hà Nội.
    expect(vi.time(new Date("2026-12-05T07:38:00Z"))).toBe("14:38");
    expect(en.time(new Date("2026-12-04T17:05:00Z"))).toBe("00:05");
    expect(vi.time(null)).toBe("—");
    expect(vi.score(null)).toBe("—");
    expect(en.calendarDate(null)).toBe("—");
    expect(vi.decimal(null)).toBe("");
  });
});

describe("the translator for lib code", () => {
  it("needs no request and speaks both languages", () => {
    expect(translator("vi", "directives")("kinds.QUYET_DINH")).toBe("Quyết định");
    expect(translator("en", "directives")("kinds.QUYET_DINH")).toBe("Decision");
    expect(translator("vi", "assessments.sheet")("back", { year: 2025 })).toBe("← Kỳ đánh giá năm 2025");
  });
  it("formats ICU numbers and plurals in the language", () => {
    expect(translator("vi", "audit")("count", { count: 1234 })).toBe("1.234 thay đổi, mới nhất trước.");
    expect(translator("en", "audit")("count", { count: 1 })).toBe("1 change, newest first.");
    expect(translator("en", "audit")("count", { count: 1234 })).toBe("1,234 changes, newest first.");
  });
});

describe("what a page sends to the browser", () => {
  it("is the namespaces asked for, parts of namespaces in their place", () => {
    const picked = pickMessages("en", [...CLIENT_NAMESPACES, "directives.taskStatus"]);
    expect(Object.keys(picked).sort()).toEqual(["charts", "common", "directives"]);
    expect(picked.directives).toEqual({ taskStatus: MESSAGES.en.directives.taskStatus });
  });
});

describe("label tables lib keeps for its own messages and files", () => {
  it("say exactly what the Vietnamese catalogue says", () => {
    expect(ASSESSMENT_STATUS_LABELS).toEqual(MESSAGES.vi.assessments.assessmentStatus);
    expect(DIRECTIVE_KIND_LABELS).toEqual(MESSAGES.vi.directives.kinds);
    expect(TASK_STATUS_LABELS).toEqual(MESSAGES.vi.directives.taskStatus);
    expect(TARGET_KIND_LABELS).toEqual(MESSAGES.vi.directives.targetKinds);
    expect(LEVEL_LABELS).toEqual(MESSAGES.vi.frameworks.levels);
  });
  it("say in lib's namespace (errors) what the pages say, in both languages", () => {
    for (const locale of ["vi", "en"] as const) {
      const { errors, directives, frameworks } = MESSAGES[locale];
      expect(errors.directives.kinds, locale).toEqual(directives.kinds);
      expect(errors.targets.kinds, locale).toEqual(directives.targetKinds);
      expect(errors.frameworks.levels, locale).toEqual(frameworks.levels);
      const relations = Object.fromEntries(Object.entries(errors.directives.relations).map(([code, r]) => [code, r.name]));
      expect(relations, locale).toEqual(directives.links.relations);
    }
  });
  it("keep the assessment sheet's and the framework's names of a method apart on purpose", () => {
    // The framework editor names the method as the decision does ("Điều tra xã hội học"), the
    // sheet shortens it ("Khảo sát"): both are in the catalogue under their own keys.
    expect(METHOD_LABELS).toEqual(MESSAGES.vi.frameworks.methods);
    expect(MESSAGES.vi.assessments.sheet.methods.SURVEY).toBe("Khảo sát");
  });
});
