// Agency administration and bulk onboarding (issue 13): a province's agencies with peer groups,
// renames, merges and splits with lineage, deletion only of what nothing refers to, and the two
// templates imported all-or-nothing — timed for a province of 150 agencies and 300 accounts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { importAccounts, accountTemplateFile, invitationsWorkbook } from "@/lib/accounts/import/mutations";
import { agencyTemplateFile, importAgencies } from "@/lib/agencies/import/mutations";
import { createAgency, deleteAgency, mergeAgencies, splitAgency, updateAgency } from "@/lib/agencies/mutations";
import { listAgencies } from "@/lib/agencies/queries";
import { today } from "@/lib/accounts/queries";
import { inForceOn } from "@/lib/units/queries";
import { readFirstSheet } from "@/lib/io/xlsx-sheet";
import { readTable } from "@/lib/io/table-file";
import { ValidationError } from "@/lib/errors";
import { actorFor } from "../support/actors";
import { testDb } from "../support/db";
import { agencyRows, fillTemplate, headRows } from "../support/templates";

let admin: Actor;
let staff: Actor;
beforeAll(async () => {
  admin = await actorFor("quantri@demo.local");
  staff = await actorFor("noivu@demo.local");
});

const issuesOf = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
};

describe("agencies of a province", () => {
  it("creates with a peer group, renames in place (same agency, history kept) and refuses a code taken", async () => {
    const created = await createAgency(staff, {
      code: "sttt-kt",
      name: "Sở Thông tin",
      kind: "DEPARTMENT",
      peerGroup: "Sở, ban, ngành",
      contactEmail: "stc@angiang.gov.vn",
    });
    expect(created).toMatchObject({ code: "STTT-KT", provinceId: staff.provinceId });
    expect(await issuesOf(createAgency(staff, { code: "STTT-KT", name: "Trùng", kind: "OTHER" }))).toEqual([
      expect.objectContaining({ field: "code", message: expect.stringMatching(/đã có/) }),
    ]);
    const renamed = await updateAgency(staff, created.id, { version: created.version, name: "Sở Khoa học và Công nghệ", code: "SKHCN-KT" });
    expect(renamed).toMatchObject({ id: created.id, name: "Sở Khoa học và Công nghệ", code: "SKHCN-KT" });
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { entityType: "Agency", entityId: String(created.id), action: "agency.update" } });
    expect(audit.oldValue).toMatchObject({ name: "Sở Thông tin", code: "STTT-KT" });
    const list = await listAgencies(staff, {});
    expect(list.peerGroups).toContain("Sở, ban, ngành");
    expect(list.rows.find((r) => r.id === created.id)?.peerGroup).toBe("Sở, ban, ngành");
  });

  it("keeps Home Affairs staff to their province; an administrator names the province", async () => {
    await expect(createAgency(staff, { provinceCode: "01", code: "X", name: "Cơ quan Hà Nội", kind: "OTHER" })).rejects.toMatchObject({ status: 403 });
    await expect(listAgencies(staff, { province: "01" })).rejects.toMatchObject({ status: 403 });
    await expect(listAgencies(await actorFor("lanhdao@demo.local"), {})).rejects.toMatchObject({ status: 403 });
    expect(await issuesOf(createAgency(admin, { code: "X", name: "Không tỉnh", kind: "OTHER" }))).toEqual([expect.objectContaining({ field: "province" })]);
    expect(await createAgency(admin, { provinceCode: "01", code: "SNV-HN", name: "Sở Nội vụ Hà Nội", kind: "DEPARTMENT" })).toMatchObject({ code: "SNV-HN" });
  });

  it("merges communes into a new one from a day: the old ones end the day before, lineage links each", async () => {
    const a = await createAgency(staff, { code: "XA-A", name: "UBND xã A", kind: "COMMUNE", validFrom: "2020-01-01" });
    const b = await createAgency(staff, { code: "XA-B", name: "UBND xã B", kind: "COMMUNE", validFrom: "2020-01-01" });
    const merged = await mergeAgencies(staff, {
      sourceIds: [a.id, b.id],
      effectiveOn: "2025-07-01",
      legalBasis: "Nghị quyết 1656/NQ-UBTVQH15",
      into: { code: "XA-AB", name: "UBND xã AB", kind: "COMMUNE" },
    });
    expect(merged.validFrom.toISOString().slice(0, 10)).toBe("2025-07-01");
    const ended = await testDb.agency.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(ended.map((e) => e.validTo?.toISOString().slice(0, 10))).toEqual(["2025-06-30", "2025-06-30"]);
    expect(await testDb.agencyLineage.count({ where: { successorId: merged.id } })).toBe(2);
    const row = (await listAgencies(staff, { status: "all" })).rows.find((r) => r.id === merged.id)!;
    expect(row.formedFrom.map((f) => f.code).sort()).toEqual(["XA-A", "XA-B"]);
    // An ended agency cannot be merged again.
    expect(await issuesOf(mergeAgencies(staff, { sourceIds: [a.id], intoId: merged.id, effectiveOn: "2026-01-01", legalBasis: "Thử" }))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/đã kết thúc/) }),
    ]);
  });

  it("splits one agency into several new ones", async () => {
    const source = await createAgency(staff, { code: "SGT", name: "Sở Giao thông", kind: "DEPARTMENT", validFrom: "2020-01-01" });
    const parts = await splitAgency(staff, {
      sourceId: source.id,
      effectiveOn: "2026-01-01",
      legalBasis: "Quyết định 12/QĐ-UBND",
      parts: [
        { code: "SGT-1", name: "Sở Giao thông 1", kind: "DEPARTMENT" },
        { code: "SGT-2", name: "Sở Giao thông 2", kind: "DEPARTMENT" },
      ],
    });
    expect(parts).toHaveLength(2);
    expect(await testDb.agencyLineage.count({ where: { predecessorId: source.id } })).toBe(2);
  });

  it("deletes only an agency nothing refers to; one with assessments is ended instead", async () => {
    const mistake = await createAgency(staff, { code: "NHAM", name: "Nhập nhầm", kind: "OTHER" });
    await deleteAgency(staff, { id: mistake.id, version: mistake.version });
    expect(await testDb.agency.findUnique({ where: { id: mistake.id } })).toBeNull();
    const used = await testDb.agency.findFirstOrThrow({ where: { provinceId: staff.provinceId!, code: "STP" } });
    expect(await issuesOf(deleteAgency(staff, { id: used.id, version: used.version }))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/chỉ kết thúc/) }),
    ]);
    const ended = await updateAgency(staff, used.id, { version: used.version, validTo: "2026-12-31" });
    expect(ended.validTo?.toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(await testDb.auditLog.count({ where: { entityId: String(used.id), action: "agency.end" } })).toBe(1);
  });
});

describe("bulk onboarding from the templates", () => {
  it("gives templates whose first sheet is the one to fill, with drop-down lists and instructions", async () => {
    const template = await agencyTemplateFile(staff, null);
    const header: string[][] = [];
    await readFirstSheet(template.body, (row, cells) => row === 1 && header.push(cells));
    expect(header[0]).toEqual(["code", "name", "short_name", "kind", "peer_group", "contact_email", "contact_phone", "valid_from"]);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Cơ quan", "Hướng dẫn", "Danh mục"]);
    expect(book.worksheets[0].getCell("D2").dataValidation).toMatchObject({ type: "list", formulae: [expect.stringContaining("Danh mục")] });
  });

  it("refuses a file with any bad row, naming row, column and problem, and writes nothing", async () => {
    const template = await agencyTemplateFile(staff, null);
    const rows = [...agencyRows(3, "LOI"), ["LOI-001", "Trùng mã", "", "UBND xã", "", "", "", ""], ["", "Thiếu mã", "", "Bộ", "", "thư@", "", "31/02/2025"]];
    const before = await testDb.agency.count();
    const issues = await issuesOf(importAgencies(staff, { name: "co-quan.xlsx", bytes: await fillTemplate(template.body, rows) }, { dryRun: false }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { row: 5, column: "code", message: expect.stringMatching(/trùng với dòng 2/) },
        { row: 6, column: "code", message: expect.any(String) },
        { row: 6, column: "kind", message: expect.stringMatching(/Loại/) },
        { row: 6, column: "contact_email", message: expect.any(String) },
        { row: 6, column: "valid_from", message: expect.stringMatching(/dd\/mm\/yyyy/) },
      ]),
    );
    expect(await testDb.agency.count()).toBe(before);
  });

  it(`onboards a province of 150 agencies and 300 accounts from the two templates in seconds (issue 13's figure)`, async () => {
    const hanoi = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    const officer = await testDb.user.create({
      data: { email: "noivu.hanoi@kiemthu.gov.vn", name: "Cán bộ Sở Nội vụ Hà Nội", role: "HOME_AFFAIRS", provinceId: hanoi.id, passwordHash: "x" },
    });
    const actor = await actorFor(officer.email);
    const started = performance.now();
    const agencyFile = await fillTemplate((await agencyTemplateFile(actor, null)).body, agencyRows(150, "HN"));
    const dry = await importAgencies(actor, { name: "co-quan.xlsx", bytes: agencyFile }, { dryRun: true });
    expect(dry.summary).toEqual({ new: 150, updated: 0, unchanged: 0 });
    expect(await testDb.agency.count({ where: { provinceId: hanoi.id, code: { startsWith: "HN-" } } })).toBe(0);
    await importAgencies(actor, { name: "co-quan.xlsx", bytes: agencyFile }, { dryRun: false });
    const agenciesDone = performance.now();
    const codes = agencyRows(150, "HN").map((r) => r[0]);
    const people = [...headRows(codes, "hanoi.gov.vn"), ...headRows(codes, "deputy.hanoi.gov.vn")].map((r, i) =>
      i < 148 ? r : [r[0], r[1], "", i % 2 ? "Lãnh đạo UBND tỉnh" : "Cán bộ Sở Nội vụ", ""],
    );
    const accountFile = await fillTemplate((await accountTemplateFile(actor, null)).body, people);
    expect((await importAccounts(actor, { name: "tai-khoan.xlsx", bytes: accountFile }, { dryRun: true })).summary).toEqual({ new: 300, unchanged: 0 });
    const done = await importAccounts(actor, { name: "tai-khoan.xlsx", bytes: accountFile }, { dryRun: false });
    const seconds = { agencies: (agenciesDone - started) / 1000, accounts: (performance.now() - agenciesDone) / 1000 };
    console.log(
      `Onboarding 150 agencies + 300 accounts: agencies ${seconds.agencies.toFixed(2)} s (template, dry run, import), accounts ${seconds.accounts.toFixed(2)} s; total ${(seconds.agencies + seconds.accounts).toFixed(2)} s`,
    );
    expect(done.invitations).toHaveLength(300);
    expect(await testDb.user.count({ where: { provinceId: hanoi.id, passwordHash: null } })).toBe(300);
    expect(await testDb.auditLog.count({ where: { action: "user.import", provinceId: hanoi.id } })).toBe(300);
    expect(seconds.agencies + seconds.accounts).toBeLessThan(60);
    // The same file again changes nothing; the invitations sheet reads back as email → link.
    expect((await importAccounts(actor, { name: "tai-khoan.xlsx", bytes: accountFile }, { dryRun: false })).summary).toEqual({ new: 0, unchanged: 300 });
    const sheet = await readTable(await invitationsWorkbook(done.invitations, "https://cchc.hanoi.gov.vn"), "xlsx");
    expect(sheet.columns).toEqual(["email", "name", "link", "expires_at"]);
    expect(sheet.rows[0].values.link).toMatch(/^https:\/\/cchc\.hanoi\.gov\.vn\/dat-mat-khau\?token=/);
  });

  it("pages a province's agencies by 50, each page with its own heads, the filters kept", async () => {
    const actor = await actorFor("noivu.hanoi@kiemthu.gov.vn");
    const hanoi = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    const inForce = { provinceId: hanoi.id, ...inForceOn(today()) };
    const total = await testDb.agency.count({ where: inForce });
    expect(total).toBeGreaterThan(150);
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listAgencies(actor, { page: String(page) })));
    expect(pages.map((p) => [p.total, p.page, p.pageSize, p.rows.length])).toEqual([
      [total, 1, 50, 50],
      [total, 2, 50, 50],
      [total, 3, 50, 50],
      [total, 4, 50, total - 150],
    ]);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(total);
    // Each row's heads are its own agency's (the import gave every HN- agency one head).
    const heads = await testDb.user.findMany({ where: { role: "AGENCY_HEAD", agency: inForce }, select: { email: true, agencyId: true } });
    const headsOf = (id: number) => heads.flatMap((h) => (h.agencyId === id ? [h.email] : [])).sort();
    for (const row of pages[1].rows) expect(row.heads.map((h) => h.email).sort()).toEqual(headsOf(row.id));
    expect(pages[1].rows.some((r) => r.heads.length > 0)).toBe(true);
    // A search with a kind keeps its filter on page 2; a page number that is no number shows page 1.
    const wards = await testDb.agency.count({ where: { ...inForce, kind: "WARD", name: { contains: "Thử Nghiệm" } } });
    expect(wards).toBeGreaterThan(50);
    const second = await listAgencies(actor, { q: "thử nghiệm", kind: "WARD", page: "2" });
    expect([second.total, second.rows.length]).toEqual([wards, wards - 50]);
    expect(second.rows.every((r) => r.kind === "WARD" && r.name.includes("Thử Nghiệm"))).toBe(true);
    expect((await listAgencies(actor, { page: "hai" })).page).toBe(1);
    // Past the last page (a bookmark of a list that has shrunk): the last page, not "no agency".
    const past = await listAgencies(actor, { page: "99" });
    expect([past.page, past.rows.map((r) => r.id)]).toEqual([4, pages[3].rows.map((r) => r.id)]);
  });

  it("refuses an account row whose agency is unknown or whose e-mail belongs to someone else, all or nothing", async () => {
    const template = await accountTemplateFile(staff, null);
    const file = await fillTemplate(template.body, [
      ["moi.nguoi@angiang.gov.vn", "Người mới", "", "Lãnh đạo UBND tỉnh", ""],
      ["noivu@demo.local", "Tên khác", "", "Cán bộ Sở Nội vụ", ""],
      ["thu.truong@angiang.gov.vn", "Thủ trưởng", "", "Thủ trưởng cơ quan, đơn vị", "KHONG-CO"],
      ["quan.tri@angiang.gov.vn", "Quản trị", "", "Quản trị hệ thống", ""],
    ]);
    const issues = await issuesOf(importAccounts(staff, { name: "tk.xlsx", bytes: file }, { dryRun: false }));
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, "email"],
      [4, "agency_code"],
      [5, "role"],
    ]);
    expect(await testDb.user.findUnique({ where: { email: "moi.nguoi@angiang.gov.vn" } })).toBeNull();
  });
});
