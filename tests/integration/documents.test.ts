// The five documents built from the seeded demo data, read back as a reader would: the DOCX's XML
// and the PDF's text, page size and fonts; the numbers checked against the database.
import { beforeAll, describe, expect, it } from "vitest";

const { sheetDocument, rankingAnnex, directiveReport, leaderSummary, render, documentSettings } = await import("@/lib/documents/queries");
const { ConflictError, ForbiddenError } = await import("@/lib/errors");
const { saveDocumentSettings } = await import("@/lib/documents/mutations");
const { formatFor } = await import("@/lib/i18n/format");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");
const { docxParts, pdfParts } = await import("../support/documents");
const { fullLeaderDashboard } = await import("../support/leader-summary");
const { leaderSummaryDocument } = await import("@/lib/documents/leader-summary");
const { defaultSettings } = await import("@/lib/documents/letterhead");
const { rankingAnnexDocument } = await import("@/lib/documents/ranking-annex");
const { getPeriod } = await import("@/lib/assessments/periods/queries");
const { appraisedScore } = await import("@/lib/assessments/workflow");
const { cents, numberOrNull } = await import("@/lib/numbers");
const { vietnamToday } = await import("@/lib/time");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, head: Actor, leader: Actor;
let stpAssessment: { id: number; finalTotal: unknown; classification: string | null };
let periodId: number;
const NOW = new Date("2026-02-05T03:00:00Z");
const f = formatFor("vi");
const MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];
/** A4 in points (PDF) and twentieths of a point (Word). */
const A4 = { portrait: '<w:pgSz w:w="11906" w:h="16838"', landscape: '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"' };

beforeAll(async () => {
  [staff, head, leader] = await Promise.all(["noivu", "thutruong", "lanhdao"].map((u) => actorFor(`${u}@demo.local`)));
  const assessment = await testDb.assessment.findFirstOrThrow({
    where: { agency: { code: "STP", provinceId: staff.provinceId! }, period: { year: 2025 } },
  });
  stpAssessment = assessment;
  periodId = assessment.periodId;
});

/** Both files of a document, read back. */
async function both(document: Awaited<ReturnType<typeof sheetDocument>>) {
  const [docx, pdf] = await Promise.all([render(document, "docx"), render(document, "pdf")]);
  expect(docx.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect(pdf.contentType).toBe("application/pdf");
  expect(docx.fileName).toBe(`${document.title.replace(/\//g, "-")}.docx`);
  const word = await docxParts(docx.body);
  const read = await pdfParts(pdf.body);
  // Lines wrap differently in each: the texts compared with their white space as single spaces.
  const flat = (text: string) => text.replace(/\s+/g, " ");
  return { word, pdf: read, texts: [flat(word.text), flat(read.text)] };
}

function expectLetterhead(files: Awaited<ReturnType<typeof both>>, landscape = false) {
  expect(files.word.xml.includes(landscape ? A4.landscape : A4.portrait), "the page size").toBe(true);
  for (const page of files.pdf.pages) expect([page.width, page.height].map(Math.round)).toEqual(landscape ? [842, 595] : [595, 842]);
  // Every font embedded (a subset of Liberation Serif), none of the 14 standard ones.
  expect(files.pdf.fonts.every((font) => font.startsWith("LiberationSerif"))).toBe(true);
  expect(files.pdf.embedded).toBe(files.pdf.fonts.length);
}

describe("the self-assessment report", () => {
  it("prints the motto, the title, the agency's self scores and its shortfalls, in Word and PDF", async () => {
    const document = await sheetDocument(head, "self-assessment", stpAssessment.id, NOW);
    const files = await both(document);
    expectLetterhead(files);
    const scores = await testDb.criterionScore.findMany({ where: { assessmentId: stpAssessment.id }, include: { criterion: true } });
    const total = scores.reduce((sum, s) => sum + Number(s.selfScore ?? 0), 0);
    for (const text of files.texts) {
      for (const line of MOTTO) expect(text).toContain(line);
      expect(text).toContain("BÁO CÁO");
      expect(text).toContain("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025");
      expect(text).toContain("An Giang, ngày 05 tháng 02 năm 2026");
      expect(text).toContain(`Tổng điểm tự đánh giá: ${f.score(total)}`);
      expect(text).toContain("Số:");
      expect(text).toContain("Nơi nhận:");
    }
    const short = scores.find((s) => s.selfScore !== null && Number(s.selfScore) < Number(s.criterion.maxPoints));
    if (short) expect(files.word.text).toContain(short.criterion.name);
    // Page numbers from page 2: the first page's header is empty, the others' shows the number.
    expect(files.word.xml.includes("<w:titlePg/>"), "a first page of its own").toBe(true);
    expect(files.word.headers.some((h) => h.includes("PAGE"))).toBe(true);
    expect(files.pdf.pages.length).toBeGreaterThan(1);
    expect(files.pdf.pages.map((page) => page.inTopMargin)).toEqual(files.pdf.pages.map((_, i) => (i === 0 ? [] : [String(i + 1)])));
  });

  it("is refused to whoever may not open the sheet", async () => {
    const snv = await testDb.assessment.findFirstOrThrow({ where: { agency: { code: "SNV", provinceId: staff.provinceId! }, period: { year: 2025 } } });
    await expect(sheetDocument(head, "self-assessment", snv.id, NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the appraisal notice", () => {
  it("prints the final score and classification the sheet shows", async () => {
    const document = await sheetDocument(staff, "appraisal-notice", stpAssessment.id, NOW);
    const files = await both(document);
    expectLetterhead(files);
    for (const text of files.texts) {
      expect(text).toContain("THÔNG BÁO");
      for (const line of MOTTO) expect(text).toContain(line);
      if (stpAssessment.finalTotal !== null) expect(text).toContain(`điểm cuối cùng: ${f.score(Number(stpAssessment.finalTotal))}`);
      if (stpAssessment.classification) expect(text).toContain(`xếp loại: ${stpAssessment.classification}`);
    }
  });
});

describe("the ranking annex", () => {
  it("lists every agency of the period with its total, in landscape, with the header row repeated", async () => {
    const files = await both(await rankingAnnex(staff, periodId, NOW));
    expectLetterhead(files, true);
    const assessments = await testDb.assessment.findMany({ where: { periodId }, include: { agency: true } });
    expect(assessments.length).toBeGreaterThan(1);
    for (const text of files.texts) {
      expect(text).toContain("PHỤ LỤC");
      expect(text).toContain("KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025");
      for (const a of assessments) {
        expect(text).toContain(a.agency.name);
        if (a.finalTotal !== null) expect(text).toContain(f.score(Number(a.finalTotal)));
      }
    }
    expect(files.word.xml.includes("<w:tblHeader/>"), "a header row Word repeats").toBe(true);
  });

  it("prints what the period page's rows and every score give: the fields' sums read by the database are the same document", async () => {
    // The annex as it was built before its grouped query: getPeriod's rows, every score walked up to its field.
    const annexOfEveryScore = async (actor: Actor) => {
      const period = await getPeriod(actor, periodId);
      const shown = period.assessments.filter((a) => a.appraisedTotal !== null || a.finalTotal !== null);
      const criteria = await testDb.criterion.findMany({ where: { frameworkId: period.framework.id }, orderBy: { sortOrder: "asc" } });
      const scores = await testDb.criterionScore.findMany({ where: { assessmentId: { in: shown.map((a) => a.id) } } });
      const agencies = await testDb.agency.findMany({ where: { id: { in: period.assessments.map((a) => a.agencyId) } }, include: { peerGroup: true } });
      const parentOf = new Map(criteria.map((c) => [c.id, c.parentId]));
      const fieldOf = (id: number): number => (parentOf.get(id) ? fieldOf(parentOf.get(id)!) : id);
      const points = new Map<number, Record<number, number | null>>();
      for (const s of scores) {
        const value = appraisedScore({ round1Score: numberOrNull(s.round1Score), round2Score: numberOrNull(s.round2Score) });
        const row = points.get(s.assessmentId) ?? {};
        const field = fieldOf(s.criterionId);
        if (value !== null) row[field] = cents((row[field] ?? 0) + value);
        else row[field] ??= null;
        points.set(s.assessmentId, row);
      }
      const data = {
        year: period.year,
        provinceName: period.provinceName,
        published: period.status === "PUBLISHED",
        fields: criteria.filter((c) => c.level === "FIELD").map((c) => ({ id: c.id, code: c.code, name: c.name })),
        agencies: period.assessments.map((a) => ({
          name: a.agencyName,
          peerGroup: agencies.find((g) => g.id === a.agencyId)?.peerGroup?.name ?? null,
          fieldPoints: points.get(a.id) ?? {},
          finalTotal: a.finalTotal,
          maximum: period.framework.maxScore,
          classification: a.classification,
        })),
      };
      expect(data.agencies.some((a) => Object.values(a.fieldPoints).some((v) => v !== null))).toBe(true);
      return rankingAnnexDocument(data, await documentSettings(period.provinceId), vietnamToday(NOW));
    };
    for (const actor of [staff, head, leader]) expect(await rankingAnnex(actor, periodId, NOW)).toEqual(await annexOfEveryScore(actor));
  });

  it("shows an agency head only their own agency's row, as the period page does", async () => {
    const files = await both(await rankingAnnex(head, periodId, NOW));
    expect(files.word.text).toContain("Sở Tư pháp");
    expect(files.word.text).not.toContain("Sở Nội vụ tỉnh");
  });
});

describe("the directive's periodic report", () => {
  it("prints the directive's tasks and who reported", async () => {
    const directive = await testDb.directive.findFirstOrThrow({
      where: { province: { code: { in: ["89", "91"] } }, tasks: { some: {} } },
      include: { tasks: true },
    });
    const files = await both(await directiveReport(staff, directive.id, null, NOW));
    expectLetterhead(files);
    for (const text of files.texts) {
      expect(text).toContain("BÁO CÁO");
      expect(text).toContain(directive.number);
      for (const task of directive.tasks) expect(text).toContain(task.title.replace(/\s+/g, " "));
    }
    await expect(directiveReport(head, directive.id, null, NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the leader's one-page summary", () => {
  it("prints the province's PAR INDEX with the trend chart, on one page", async () => {
    const files = await both(await leaderSummary(leader, "91", 2025, NOW));
    expectLetterhead(files);
    expect(files.word.media).toHaveLength(1);
    const latest = await testDb.publishedResult.findFirst({
      where: { indexCode: "PAR_INDEX", province: { code: "91", validTo: null } },
      orderBy: { year: "desc" },
    });
    for (const text of files.texts) {
      expect(text).toContain("Tóm tắt kết quả Chỉ số CCHC và Chỉ số SIPAS năm 2025");
      if (latest) expect(text).toContain(f.score(Number(latest.score)));
    }
    expect(files.pdf.pages).toHaveLength(1);
    await expect(leaderSummary(head, "91", 2025, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(leaderSummary(leader, "01", 2025, NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("keeps to one page with the most it prints: six index rows, a twelve-year trend, eight long targets, ten weak criteria", async () => {
    const settings = { ...defaultSettings({ nameVi: "An Giang", kind: "PROVINCE" }), director: { title: "Giám đốc", name: "Nguyễn Văn Thử" } };
    const document = leaderSummaryDocument(fullLeaderDashboard, settings, "2026-02-05");
    const pdf = await pdfParts(await render(document, "pdf").then((file) => file.body));
    expect(pdf.pages).toHaveLength(1);
    // The signature is on it, and the targets left out are counted.
    expect(pdf.text).toContain("Nguyễn Văn Thử");
    expect(pdf.text.replace(/\s+/g, " ")).toMatch(/(Còn \d+ chỉ tiêu khác|Năm 2025 có 8 chỉ tiêu)/);
  });
});

describe("the province's document settings (/quan-tri/van-ban)", () => {
  const form = (provinceId: number, version: number, changes: Record<string, unknown> = {}) => ({
    provinceId,
    version,
    peoplesCommittee: "Ủy ban nhân dân tỉnh An Giang",
    homeAffairs: "Sở Nội vụ tỉnh An Giang",
    place: "Long Xuyên",
    chairmanTitle: "Chủ tịch",
    chairmanName: "Nguyễn Văn Thử",
    directorTitle: "Giám đốc",
    directorName: "Trần Thị Ký",
    archiveUnit: "CCHC-TT",
    symbols: {
      "self-assessment": "BC-",
      "appraisal-notice": "TB-SNVAG",
      "ranking-annex": "QĐ-UBND",
      "directive-report": "BC-SNV",
      "leader-summary": "BC-SNVAG",
    },
    ...changes,
  });

  it("prints what Home Affairs saved in the generated documents, audited", async () => {
    await saveDocumentSettings(staff, form(staff.provinceId!, 0));
    const files = await both(await sheetDocument(staff, "appraisal-notice", stpAssessment.id, NOW));
    for (const text of files.texts) {
      expect(text).toContain("Long Xuyên, ngày 05 tháng 02 năm 2026");
      expect(text).toContain("/TB-SNVAG");
      expect(text).toContain("Trần Thị Ký");
      expect(text).toContain("Lưu: VT, CCHC-TT.");
    }
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "documentSettings.update", entityId: String(staff.provinceId) } });
    expect(audit.newValue).toMatchObject({ place: "Long Xuyên", directorName: "Trần Thị Ký" });
  });

  it("refuses a stale version, and another province's officer", async () => {
    const stored = await testDb.documentSetting.findUniqueOrThrow({ where: { provinceId: staff.provinceId! } });
    await expect(saveDocumentSettings(staff, form(staff.provinceId!, 0, { place: "Châu Đốc" }))).rejects.toBeInstanceOf(ConflictError);
    await expect(saveDocumentSettings(staff, form(staff.provinceId!, stored.version + 1, { place: "Châu Đốc" }))).rejects.toBeInstanceOf(ConflictError);
    const other = await testDb.province.findFirstOrThrow({ where: { id: { not: staff.provinceId! }, validTo: null } });
    const outsider = await testDb.user.create({
      data: { email: "noivu-khac@thu-van-ban.gov.vn", name: "Cán bộ tỉnh khác", role: "HOME_AFFAIRS", provinceId: other.id },
    });
    const officer = await actorFor(outsider.email);
    await expect(saveDocumentSettings(officer, form(staff.provinceId!, stored.version, { place: "Châu Đốc" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveDocumentSettings(leader, form(staff.provinceId!, stored.version, { place: "Châu Đốc" }))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await testDb.documentSetting.findUniqueOrThrow({ where: { provinceId: staff.provinceId! } })).place).toBe("Long Xuyên");
    // The current version saves; a bad symbol names its field and changes nothing.
    await saveDocumentSettings(staff, form(staff.provinceId!, stored.version, { place: "Châu Đốc" }));
    const bad = saveDocumentSettings(staff, form(staff.provinceId!, stored.version + 1, { symbols: { ...form(0, 0).symbols, "leader-summary": "BC SNV/1" } }));
    await expect(bad).rejects.toMatchObject({ issues: [expect.objectContaining({ field: "symbols.leader-summary" })] });
    await testDb.documentSetting.delete({ where: { provinceId: staff.provinceId! } });
  });
});
