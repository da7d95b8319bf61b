// Directives, targets, tasks and periodic reports against real PostgreSQL: every permission rule
// (including the 2025 lineage), validation, the audit trail, optimistic concurrency, and the
// evaluation of every kind of target through lib/targets on complete and partial tables.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
// Next.js provides AsyncLocalStorage on globalThis (the request's language, lib/i18n/message-locale.ts); here the test does.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

process.env.EVIDENCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "directive-evidence-"));

const mutations = {
  ...(await import("@/lib/directives/mutations")),
  ...(await import("@/lib/directives/reports/mutations")),
  ...(await import("@/lib/targets/mutations")),
  ...(await import("@/lib/tasks/mutations")),
};
const queries = {
  ...(await import("@/lib/directives/queries")),
  ...(await import("@/lib/directives/reports/queries")),
  ...(await import("@/lib/my-work/queries")),
};
const { ConflictError, ForbiddenError, NotFoundError, ValidationError } = await import("@/lib/errors");
const { readTable, tableFile, writeXlsx } = await import("@/lib/io/table-file");
const { inLocale } = await import("@/lib/i18n/message-locale");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let admin: Actor, staff: Actor, head: Actor, leader: Actor, otherStaff: Actor;
let anGiang: number, oldAnGiang: number, quangNam: number, binhPhuoc: number;
const agency: Record<string, number> = {};
const NOW = new Date("2026-11-22T03:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function province(code: string, current: boolean) {
  return (await testDb.province.findFirstOrThrow({ where: { code, validTo: current ? null : { not: null } } })).id;
}
async function directiveId(number: string) {
  return (await testDb.directive.findFirstOrThrow({ where: { number } })).id;
}

/** Every row the directive mutations touch, and the audit log. */
async function snapshot() {
  const [directives, links, targets, tasks, taskAgencies, taskCriteria, reports, files, audit] = await Promise.all([
    testDb.directive.findMany({ orderBy: { id: "asc" } }),
    testDb.directiveLink.findMany({ orderBy: [{ fromId: "asc" }, { toId: "asc" }] }),
    testDb.target.findMany({ orderBy: { id: "asc" } }),
    testDb.task.findMany({ orderBy: { id: "asc" } }),
    testDb.taskAgency.findMany({ orderBy: [{ taskId: "asc" }, { agencyId: "asc" }] }),
    testDb.taskCriterion.findMany({ orderBy: [{ taskId: "asc" }, { criterionId: "asc" }] }),
    testDb.periodicReport.findMany({ orderBy: { id: "asc" } }),
    testDb.storedFile.findMany({ orderBy: { id: "asc" } }),
    testDb.auditLog.count(),
  ]);
  return JSON.stringify({ directives, links, targets, tasks, taskAgencies, taskCriteria, reports, files, audit });
}

/** The work is refused with this error and nothing at all is written. */
async function refused(work: () => Promise<unknown>, error: abstract new (...args: never[]) => Error) {
  const before = await snapshot();
  let thrown: unknown;
  try {
    await work();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(error);
  expect(await snapshot()).toBe(before);
  return thrown as Error & { issues?: { field?: string; message: string }[]; current?: unknown };
}

async function lastAudit(action: string) {
  return testDb.auditLog.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });
}

const directiveInput = (over: Record<string, unknown> = {}) => ({
  provinceId: String(anGiang),
  number: "4200/KH-UBND",
  kind: "KE_HOACH",
  issuer: "UBND tỉnh An Giang",
  signer: "Chủ tịch UBND tỉnh",
  issuedOn: "2026-02-10",
  title: "Cải thiện Chỉ số cải cách hành chính (PAR INDEX) tỉnh An Giang năm 2026",
  summary: "PAR INDEX đạt từ 80% trở lên, tăng 10–15 bậc.",
  years: "2026",
  reporting: ["QUARTERLY", "HALF_YEAR", "ANNUAL"],
  note: "",
  ...over,
});

beforeAll(async () => {
  [admin, staff, head, leader] = await Promise.all(["quantri@demo.local", "noivu@demo.local", "thutruong@demo.local", "lanhdao@demo.local"].map(actorFor));
  [anGiang, oldAnGiang, quangNam, binhPhuoc] = await Promise.all([province("91", true), province("89", false), province("49", false), province("70", false)]);
  for (const a of await testDb.agency.findMany({ where: { provinceId: anGiang } })) agency[a.code] = a.id;
  // Home Affairs staff of another new province (Đà Nẵng, which Quảng Nam went into).
  const daNang = await province("48", true);
  await testDb.user.create({
    data: { email: "noivu.danang@test.local", name: "Sở Nội vụ Đà Nẵng", passwordHash: "x", role: "HOME_AFFAIRS", provinceId: daNang },
  });
  otherStaff = await actorFor("noivu.danang@test.local");
});

describe("recording a directive", () => {
  it("Home Affairs staff record one for their province, audited with its values", async () => {
    const { id } = await mutations.createDirective(staff, directiveInput(), NOW);
    const stored = await testDb.directive.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      provinceId: anGiang,
      number: "4200/KH-UBND",
      kind: "KE_HOACH",
      years: [2026],
      reporting: ["QUARTERLY", "HALF_YEAR", "ANNUAL"],
      version: 0,
    });
    const audit = await lastAudit("directive.create");
    expect(audit).toMatchObject({ actorEmail: "noivu@demo.local", entityId: String(id), provinceId: anGiang, oldValue: null });
    expect(audit.newValue).toMatchObject({ number: "4200/KH-UBND", issuedOn: "2026-02-10", years: [2026] });
  });

  it("normalizes the number, and the same number of another issuer is another directive", async () => {
    const { id } = await mutations.createDirective(staff, directiveInput({ number: "4183 / kh-ubnd", issuedOn: "" }), NOW);
    expect((await testDb.directive.findUniqueOrThrow({ where: { id } })).number).toBe("4183/KH-UBND");
    expect(await testDb.directive.count({ where: { number: "4183/KH-UBND" } })).toBe(2);
  });

  it("refuses a number the issuer already used (whatever the case of the issuer), saying which directive has it", async () => {
    const error = await refused(() => mutations.createDirective(staff, directiveInput({ issuer: "ubnd tỉnh an giang" }), NOW), ValidationError);
    expect(error.issues).toEqual([{ field: "number", message: expect.stringContaining("đã có văn bản số 4200/KH-UBND") }]);
  });

  it("refuses a number used in a province the user cannot read without telling what that directive is (issue 11, item 9)", async () => {
    const daNang = await province("48", true);
    const error = await refused(() => mutations.createDirective(otherStaff, directiveInput({ provinceId: String(daNang) }), NOW), ValidationError);
    expect(error.issues).toEqual([{ field: "number", message: expect.stringContaining("4200/KH-UBND") }]);
    expect(error.message).not.toMatch(/10\/02\/2026|Cải thiện/);
  });

  it("refuses a malformed number, a future date and impossible years, naming each field", async () => {
    const error = await refused(
      () => mutations.createDirective(staff, directiveInput({ number: "KH-UBND 4201", years: "26", title: "" }), NOW),
      ValidationError,
    );
    expect(error.issues?.map((i) => i.field).sort()).toEqual(["number", "title", "years"]);
    expect(error.issues?.find((i) => i.field === "number")?.message).toContain("4183/KH-UBND");
    const future = await refused(
      () => mutations.createDirective(staff, directiveInput({ number: "4202/KH-UBND", issuedOn: "2026-12-01" }), NOW),
      ValidationError,
    );
    expect(future.issues).toEqual([{ field: "issuedOn", message: expect.stringContaining("chưa đến") }]);
  });

  it("lets An Giang's staff record a directive of the old An Giang it was formed from", async () => {
    const { id } = await mutations.createDirective(
      staff,
      directiveInput({ provinceId: String(oldAnGiang), number: "2100/UBND-TH", issuedOn: "2024-05-02", years: "2024" }),
      NOW,
    );
    expect((await testDb.directive.findUniqueOrThrow({ where: { id } })).provinceId).toBe(oldAnGiang);
  });

  it("refuses staff of another province, leaders and agency heads", async () => {
    await refused(() => mutations.createDirective(staff, directiveInput({ provinceId: String(quangNam), number: "9/KH-UBND" }), NOW), ForbiddenError);
    await refused(() => mutations.createDirective(otherStaff, directiveInput({ number: "9/KH-UBND" }), NOW), ForbiddenError);
    await refused(() => mutations.createDirective(leader, directiveInput({ number: "9/KH-UBND" }), NOW), ForbiddenError);
    await refused(() => mutations.createDirective(head, directiveInput({ number: "9/KH-UBND" }), NOW), ForbiddenError);
  });
});

describe("editing a directive", () => {
  it("An Giang's staff edit the seeded 1020/UBND-TH of the old An Giang (lineage), with old and new values audited", async () => {
    const id = await directiveId("1020/UBND-TH");
    const before = await testDb.directive.findUniqueOrThrow({ where: { id } });
    expect(before.provinceId).toBe(oldAnGiang);
    const input = {
      ...directiveInput({
        number: before.number,
        issuer: before.issuer,
        issuedOn: "2021-09-20",
        years: "2021",
        kind: "CONG_VAN",
        title: before.title,
      }),
      id: String(id),
      version: String(before.version),
    };
    const { version } = await mutations.updateDirective(staff, { ...input, summary: "Rà soát tiêu chí chưa đạt điểm tối đa." }, NOW);
    expect(version).toBe(before.version + 1);
    const audit = await lastAudit("directive.update");
    expect(audit.oldValue).toMatchObject({ summary: null, version: before.version });
    expect(audit.newValue).toMatchObject({ summary: "Rà soát tiêu chí chưa đạt điểm tối đa.", version: before.version + 1 });

    // A second form still holding the old version is refused with the current value.
    const conflict = await refused(() => mutations.updateDirective(staff, { ...input, summary: "Bản khác" }, NOW), ConflictError);
    expect(conflict.message).toContain("vừa được người khác sửa");
    expect(conflict.current).toMatchObject({ summary: "Rà soát tiêu chí chưa đạt điểm tối đa.", version: before.version + 1 });
  });

  it("refuses An Giang's staff and leaders on other provinces' or any directive; the administrator edits anywhere", async () => {
    const stored = await testDb.directive.findFirstOrThrow({ where: { number: "4183/KH-UBND", provinceId: quangNam } });
    const id = stored.id;
    const input = {
      ...directiveInput({ number: stored.number, issuer: stored.issuer, issuedOn: "2019-07-17", years: "2019", title: stored.title }),
      id: String(id),
      version: String(stored.version),
    };
    await refused(() => mutations.updateDirective(staff, input, NOW), ForbiddenError);
    await refused(() => mutations.updateDirective(leader, input, NOW), ForbiddenError);
    await refused(() => mutations.updateDirective(head, input, NOW), ForbiddenError);
    await mutations.updateDirective(admin, { ...input, signer: "Chủ tịch UBND tỉnh Quảng Nam" }, NOW);
    expect((await testDb.directive.findUniqueOrThrow({ where: { id } })).signer).toBe("Chủ tịch UBND tỉnh Quảng Nam");
  });

  it("keeps the years its targets are set for", async () => {
    const stored = await testDb.directive.findFirstOrThrow({ where: { number: "4183/KH-UBND", provinceId: quangNam } });
    const input = {
      ...directiveInput({ number: stored.number, issuer: stored.issuer, issuedOn: "2019-07-17", years: "2020", title: stored.title }),
      id: String(stored.id),
      version: String(stored.version),
    };
    const error = await refused(() => mutations.updateDirective(admin, input, NOW), ValidationError);
    expect(error.issues).toEqual([{ field: "years", message: expect.stringContaining("chỉ tiêu năm 2019") }]);
  });
});

describe("reading", () => {
  it("leaders read their province's directives, those of the old units too, and nothing else", async () => {
    const list = await queries.listDirectives(leader, {}, NOW);
    const numbers = list.items.map((d) => d.number);
    expect(numbers).toEqual(expect.arrayContaining(["1020/UBND-TH", "733/UBND-TH", "1586/QĐ-UBND", "4200/KH-UBND", "2100/UBND-TH"]));
    expect(list.items.find((d) => d.issuer === "UBND tỉnh Quảng Nam")).toBeUndefined();
    expect(list.canCreate).toBe(false);
    // The list links the compiled periodic reports exactly where the directive's own page does.
    for (const item of list.items) {
      const { periods, canCompile } = await queries.getDirective(leader, item.id, NOW);
      expect(item.canCompile, item.number).toBe(periods.length > 0 && canCompile);
    }
    expect(list.items.filter((d) => d.canCompile).map((d) => d.number)).toContain("4200/KH-UBND");
    const detail = await queries.getDirective(leader, await directiveId("1020/UBND-TH"), NOW);
    expect(detail.links).toEqual([expect.objectContaining({ number: "733/UBND-TH", relationText: "Triển khai", direction: "from" })]);
    expect(detail.canWrite).toBe(false);
    const quangNamPlan = await testDb.directive.findFirstOrThrow({ where: { number: "4183/KH-UBND", provinceId: quangNam } });
    await expect(queries.getDirective(leader, quangNamPlan.id, NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("filters by search, year, kind, issuer and status", async () => {
    const ids = async (filters: Parameters<typeof queries.listDirectives>[1]) => (await queries.listDirectives(admin, filters, NOW)).items.map((d) => d.number);
    expect(await ids({ q: "sipas" })).toEqual(["1565/UBND-NC"]);
    // Typed without diacritics, in any case (lib/search.ts): the title "Cải thiện Chỉ số cải cách hành chính…".
    const plain = await ids({ q: "CAI THIEN chi so cai cach" });
    expect(plain).toContain("4183/KH-UBND");
    expect(plain).toEqual(await ids({ q: "Cải thiện Chỉ số cải cách" }));
    expect(await ids({ q: "cai thien chi so cai cach x" })).toEqual([]);
    expect(new Set(await ids({ q: "4183/kh-ubnd" }))).toEqual(new Set(["4183/KH-UBND"]));
    expect(await ids({ year: 2019, kind: "KE_HOACH" })).toEqual(["4183/KH-UBND"]);
    expect(await ids({ issuer: "UBND tỉnh Bình Phước" })).toEqual(["1565/UBND-NC"]);
    // 1565's commitment target is missed: 2019 has ended with none of its 7 tasks done.
    expect(await ids({ status: "targets_missed" })).toEqual(["1565/UBND-NC"]);
    const all = await queries.listDirectives(admin, {}, NOW);
    expect(all.issuers).toEqual(expect.arrayContaining(["UBND tỉnh An Giang", "UBND tỉnh Quảng Nam", "UBND tỉnh Bình Phước"]));
  });

  it("staff open a directive recorded without years or date (733/UBND-TH), with the forms' choices", async () => {
    const detail = await queries.getDirective(staff, await directiveId("733/UBND-TH"), NOW);
    expect(detail).toMatchObject({ years: [], issuedOn: null, canWrite: true, periods: [] });
    expect(detail.choices.agencies.map((a) => a.code)).toContain("STP");
    expect(detail.choices.criteria.map((g) => g.internal)).toContain(true);
    expect(detail.links).toEqual([expect.objectContaining({ number: "1020/UBND-TH", relationText: "Được triển khai bởi", direction: "to" })]);
  });

  it("an agency head reads only directives that involve their agency", async () => {
    expect((await queries.listDirectives(head, {}, NOW)).items).toEqual([]);
    await expect(queries.getDirective(head, await directiveId("4200/KH-UBND"), NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("tasks", () => {
  let plan: number;
  let stpTask: number, snvTask: number, stcTask: number;
  let criterion: { id: number; code: string };

  beforeAll(async () => {
    plan = (await testDb.directive.findFirstOrThrow({ where: { number: "4200/KH-UBND", issuer: "UBND tỉnh An Giang" } })).id;
    criterion = await testDb.criterion.findFirstOrThrow({ where: { code: "1.1.2", framework: { key: "an-giang-so-ban-nganh" } } });
  });

  it("staff assign tasks to a lead agency with coordinating agencies, a due date and criteria", async () => {
    const create = (title: string, lead: string, co: string[], dueOn: string, criterionIds: number[] = []) =>
      mutations.createTask(staff, {
        directiveId: String(plan),
        title,
        leadAgencyId: String(agency[lead]),
        coAgencyIds: co.map((c) => String(agency[c])),
        dueOn,
        criterionIds: criterionIds.map(String),
      });
    stpTask = (await create("Rà soát, công khai thủ tục hành chính lĩnh vực tư pháp", "STP", ["SNV"], "2026-12-15", [criterion.id])).id;
    snvTask = (await create("Kiểm tra công tác CCHC tại các sở, ngành", "SNV", ["STP", "TTT"], "2026-10-31")).id;
    stcTask = (await create("Bố trí kinh phí thực hiện kế hoạch CCHC", "STC", [], "2026-12-31")).id;
    const tasks = await testDb.task.findMany({
      where: { directiveId: plan },
      include: { coAgencies: true, criteria: true },
      orderBy: { sortOrder: "asc" },
    });
    expect(tasks.map((t) => [t.sortOrder, t.leadAgencyId, t.coAgencies.length, t.criteria.length])).toEqual([
      [1, agency.STP, 1, 1],
      [2, agency.SNV, 2, 0],
      [3, agency.STC, 0, 0],
    ]);
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "task.create", entityId: String(stpTask) } });
    expect(audit.newValue).toMatchObject({ leadAgency: "STP", coAgencies: ["SNV"], dueOn: "2026-12-15", criteria: ["1.1.2"] });
  });

  it("flags the task past its due date in Viet Nam time, and the directive as overdue", async () => {
    const detail = await queries.getDirective(staff, plan, NOW);
    expect(detail.tasks.map((t) => [t.sortOrder, t.overdue, t.daysOverdue])).toEqual([
      [1, false, 0],
      [2, true, 22],
      [3, false, 0],
    ]);
    expect(detail.progress).toBe("overdue");
    // 31/10 at 23:30 in Hà Nội (16:30 UTC) the task is not yet overdue; at 00:30 on 01/11 it is.
    expect((await queries.getDirective(staff, plan, new Date("2026-10-31T16:30:00Z"))).tasks[1].overdue).toBe(false);
    expect((await queries.getDirective(staff, plan, new Date("2026-10-31T17:30:00Z"))).tasks[1].overdue).toBe(true);
    expect((await queries.listDirectives(staff, { status: "overdue" }, NOW)).items.map((d) => d.number)).toContain("4200/KH-UBND");
  });

  it("refuses a lead who also coordinates, agencies of other provinces, and criteria of other provinces", async () => {
    const lead = await refused(
      () =>
        mutations.createTask(staff, {
          directiveId: String(plan),
          title: "X",
          leadAgencyId: String(agency.STP),
          coAgencyIds: [String(agency.STP)],
        }),
      ValidationError,
    );
    expect(lead.issues).toEqual([{ field: "coAgencyIds", message: expect.stringContaining("không đồng thời") }]);
    const other = await testDb.agency.create({
      data: { provinceId: quangNam, code: "SNV-QN", name: "Sở Nội vụ Quảng Nam", kind: "DEPARTMENT", validFrom: new Date("2008-08-01") },
    });
    await refused(() => mutations.createTask(staff, { directiveId: String(plan), title: "X", leadAgencyId: String(other.id) }), ValidationError);
  });

  it("the head of the lead agency reports progress; old and new values are audited", async () => {
    const before = await testDb.task.findUniqueOrThrow({ where: { id: stpTask } });
    await mutations.updateTaskProgress(head, {
      id: String(stpTask),
      version: String(before.version),
      status: "IN_PROGRESS",
      progressPercent: "60",
      progressNote: "Đã rà soát 45/75 thủ tục.",
    });
    const after = await testDb.task.findUniqueOrThrow({ where: { id: stpTask } });
    expect(after).toMatchObject({
      status: "IN_PROGRESS",
      progressPercent: 60,
      progressNote: "Đã rà soát 45/75 thủ tục.",
      version: before.version + 1,
    });
    const audit = await lastAudit("task.progress");
    expect(audit).toMatchObject({ actorEmail: "thutruong@demo.local", entityId: String(stpTask) });
    expect(audit.oldValue).toMatchObject({ status: "NOT_STARTED", progressPercent: 0 });
    expect(audit.newValue).toMatchObject({ status: "IN_PROGRESS", progressPercent: 60 });
  });

  it("refuses a stale progress update with the current value, and another agency's task even when coordinating it", async () => {
    const conflict = await refused(
      () => mutations.updateTaskProgress(head, { id: String(stpTask), version: "0", status: "DONE", progressPercent: "100", progressNote: "" }),
      ConflictError,
    );
    expect(conflict.message).toContain("Đã rà soát 45/75 thủ tục.");
    const snv = await testDb.task.findUniqueOrThrow({ where: { id: snvTask } });
    await refused(
      () => mutations.updateTaskProgress(head, { id: String(snvTask), version: String(snv.version), status: "DONE", progressPercent: "100" }),
      ForbiddenError,
    );
    await refused(
      () => mutations.updateTaskProgress(leader, { id: String(snvTask), version: String(snv.version), status: "DONE", progressPercent: "100" }),
      ForbiddenError,
    );
  });

  it("lets only staff cancel a task, and refuses 100% while in progress", async () => {
    const stp = await testDb.task.findUniqueOrThrow({ where: { id: stpTask } });
    const cancel = await refused(
      () =>
        mutations.updateTaskProgress(head, {
          id: String(stpTask),
          version: String(stp.version),
          status: "CANCELLED",
          progressPercent: "0",
        }),
      ValidationError,
    );
    expect(cancel.issues?.[0].field).toBe("status");
    await refused(
      () =>
        mutations.updateTaskProgress(head, {
          id: String(stpTask),
          version: String(stp.version),
          status: "IN_PROGRESS",
          progressPercent: "100",
        }),
      ValidationError,
    );
  });

  it("agency heads and leaders cannot assign or re-assign tasks", async () => {
    await refused(() => mutations.createTask(head, { directiveId: String(plan), title: "X", leadAgencyId: String(agency.STP) }), ForbiddenError);
    await refused(() => mutations.createTask(leader, { directiveId: String(plan), title: "X" }), ForbiddenError);
    const stc = await testDb.task.findUniqueOrThrow({ where: { id: stcTask } });
    await refused(
      () => mutations.updateTask(head, { id: String(stcTask), version: String(stc.version), title: "X", leadAgencyId: String(agency.STP) }),
      ForbiddenError,
    );
    await refused(() => mutations.deleteTask(head, { id: String(stcTask), version: String(stc.version) }), ForbiddenError);
  });

  it("staff re-assign a task with its version; a stale form is refused", async () => {
    const stc = await testDb.task.findUniqueOrThrow({ where: { id: stcTask } });
    const input = {
      id: String(stcTask),
      version: String(stc.version),
      title: stc.title,
      leadAgencyId: String(agency.STC),
      coAgencyIds: [String(agency.SNV)],
      dueOn: "2026-12-20",
      criterionIds: [],
    };
    await mutations.updateTask(staff, input);
    const audit = await lastAudit("task.update");
    expect(audit.oldValue).toMatchObject({ coAgencies: [], dueOn: "2026-12-31" });
    expect(audit.newValue).toMatchObject({ coAgencies: ["SNV"], dueOn: "2026-12-20" });
    await refused(() => mutations.updateTask(staff, { ...input, dueOn: "2027-01-15" }), ConflictError);
  });

  it("the lead agency attaches evidence; others cannot; it is readable by those who read the directive", async () => {
    const file = await mutations.addTaskFile(head, stpTask, { name: "bao-cao-ra-soat.pdf", bytes: PDF });
    expect(await lastAudit("task.file.add")).toMatchObject({ entityId: String(file.id), actorEmail: "thutruong@demo.local" });
    await refused(() => mutations.addTaskFile(head, snvTask, { name: "x.pdf", bytes: PDF }), ForbiddenError);
    await refused(() => mutations.addTaskFile(head, stpTask, { name: "x.pdf", bytes: new TextEncoder().encode("MZ not a pdf") }), ValidationError);
    expect((await queries.getDirectiveFile(leader, file.id)).fileName).toBe("bao-cao-ra-soat.pdf");
    expect((await queries.getDirectiveFile(head, file.id)).fileName).toBe("bao-cao-ra-soat.pdf");
    await expect(queries.getDirectiveFile(otherStaff, file.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("staff delete a task with its version; its evidence goes with it", async () => {
    const { id } = await mutations.createTask(staff, {
      directiveId: String(plan),
      title: "Nhiệm vụ nhập nhầm",
      leadAgencyId: String(agency.STP),
    });
    const file = await mutations.addTaskFile(head, id, { name: "nham.pdf", bytes: PDF });
    const stored = await testDb.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    await mutations.updateTaskProgress(head, { id: String(id), version: "0", status: "IN_PROGRESS", progressPercent: "10" });
    await refused(() => mutations.deleteTask(staff, { id: String(id), version: "0" }), ConflictError);
    await mutations.deleteTask(staff, { id: String(id), version: "1" });
    expect(await testDb.task.findUnique({ where: { id } })).toBeNull();
    expect(await testDb.storedFile.findUnique({ where: { id: file.id } })).toBeNull();
    expect(fs.existsSync(path.join(process.env.EVIDENCE_DIR!, stored.storageKey))).toBe(false);
    expect(await lastAudit("task.delete")).toMatchObject({
      entityId: String(id),
      oldValue: expect.objectContaining({ title: "Nhiệm vụ nhập nhầm", files: [expect.objectContaining({ fileName: "nham.pdf" })] }),
    });
  });

  it("now the agency head reads the directive and sees it in their work", async () => {
    expect((await queries.listDirectives(head, {}, NOW)).items.map((d) => d.number)).toEqual(["4200/KH-UBND"]);
    const detail = await queries.getDirective(head, plan, NOW);
    expect(detail.tasks.map((t) => [t.sortOrder, t.canReport])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(detail.reportAgencyIds).toEqual([agency.STP]);
    const work = await queries.getMyWork(head, NOW);
    expect(work.tasks.map((t) => [t.title.slice(0, 6), t.part, t.overdue])).toEqual([
      ["Kiểm t", "coordinating", true],
      ["Rà soá", "lead", false],
    ]);
    expect(work.weakCriteria).toEqual([expect.objectContaining({ code: "1.1.2", year: 2025, basis: "final", maxPoints: 5 })]);
    const stpScore = await testDb.criterionScore.findFirstOrThrow({
      where: { criterionId: criterion.id, assessment: { agencyId: agency.STP } },
    });
    expect(work.weakCriteria[0].score).toBe(Number(stpScore.finalScore));
  });
});

describe("periodic reports", () => {
  let plan: number;
  beforeAll(async () => {
    plan = (await testDb.directive.findFirstOrThrow({ where: { number: "4200/KH-UBND", issuer: "UBND tỉnh An Giang" } })).id;
  });
  const report = (over: Record<string, string>) => ({
    directiveId: String(plan),
    agencyId: String(agency.STP),
    period: "2026-Q1",
    content: "Đã ban hành kế hoạch CCHC của Sở.",
    version: "",
    ...over,
  });

  it("an agency head reports for their agency, once per period; a correction names the version", async () => {
    const sent = await mutations.submitReport(head, report({}), NOW);
    expect(sent).toMatchObject({ created: true, version: 0 });
    expect(await lastAudit("report.submit")).toMatchObject({
      entityId: String(sent.id),
      newValue: expect.objectContaining({ agency: "STP", period: "2026-Q1" }),
    });
    const again = await refused(() => mutations.submitReport(head, report({ content: "Lần hai" }), NOW), ConflictError);
    expect(again.message).toContain("đã có báo cáo");
    const fixed = await mutations.submitReport(head, report({ content: "Đã ban hành kế hoạch và tổ chức hội nghị.", version: "0" }), NOW);
    expect(fixed).toMatchObject({ created: false, version: 1 });
    const audit = await lastAudit("report.update");
    expect(audit.oldValue).toMatchObject({ content: "Đã ban hành kế hoạch CCHC của Sở." });
    await refused(() => mutations.submitReport(head, report({ content: "Cũ", version: "0" }), NOW), ConflictError);
  });

  it("refuses another agency's report, a period the directive does not require, and a period not yet begun", async () => {
    await refused(() => mutations.submitReport(head, report({ agencyId: String(agency.SNV) }), NOW), ForbiddenError);
    await refused(() => mutations.submitReport(leader, report({ period: "2026-H1" }), NOW), ForbiddenError);
    const wrong = await refused(() => mutations.submitReport(head, report({ period: "2026-Q2" }), NOW), ValidationError);
    expect(wrong.issues?.[0].message).toContain("không yêu cầu báo cáo kỳ");
    await refused(() => mutations.submitReport(head, report({ period: "2026-Q3" }), new Date("2026-05-01T03:00:00Z")), ValidationError);
  });

  it("refuses an agency head a directive of another province without naming it, even for their own agency id (issue 11, item 9)", async () => {
    const daNang = await province("48", true);
    const { id: foreign } = await mutations.createDirective(
      otherStaff,
      directiveInput({ provinceId: String(daNang), number: "77/KH-UBND", issuer: "UBND thành phố Đà Nẵng" }),
      NOW,
    );
    for (const period of ["2026-Q1", "2026-Q2"]) {
      const error = await refused(() => mutations.submitReport(head, report({ directiveId: String(foreign), period }), NOW), ForbiddenError);
      expect(error.message).not.toContain("77/KH-UBND");
    }
  });

  it("staff see who has and has not reported, and export the compiled report", async () => {
    await mutations.submitReport(staff, report({ agencyId: String(agency.SNV), period: "2026-H1", content: "Sở Nội vụ đã kiểm tra 5 sở." }), NOW);
    const detail = await queries.getDirective(staff, plan, NOW);
    expect(detail.periods.map((p) => p.key)).toEqual(["2026-Q1", "2026-H1", "2026-Q3", "2026"]);
    const cells = Object.fromEntries(detail.matrix.rows.map((r) => [r.agency.id, r.cells.map((c) => c.state)]));
    expect(cells[agency.STP]).toEqual(["submitted", "missing", "missing", "open"]);
    expect(cells[agency.SNV]).toEqual(["missing", "submitted", "missing", "open"]);
    expect(cells[agency.TTT]).toEqual(["missing", "missing", "missing", "open"]);

    const compiled = await queries.getCompiledReport(staff, plan, "2026-Q1", NOW);
    expect(compiled.columns[0]).toMatchObject({ submitted: 1, missing: detail.matrix.rows.length - 1 });
    const table = await queries.compiledReportTable(staff, plan, null, NOW);
    const file = await readTable(await writeXlsx(table.sheetName, table.columns, table.rows), "xlsx");
    expect(file.columns).toEqual(["kỳ báo cáo", "cơ quan, đơn vị", "tình trạng", "ngày gửi", "người gửi", "nội dung báo cáo"]);
    const stpQ1 = file.rows.find((r) => r.values["kỳ báo cáo"] === "Quý I/2026" && r.values["cơ quan, đơn vị"] === "Sở Tư pháp");
    expect(stpQ1?.values).toMatchObject({
      "tình trạng": "Đã báo cáo",
      "nội dung báo cáo": "Đã ban hành kế hoạch và tổ chức hội nghị.",
      "người gửi": "Giám đốc Sở Tư pháp An Giang",
    });
    // Issue 14, item 11: the download holds the tasks and the targets as the page does, in the request's language.
    const csv = (await tableFile(table, "csv")).body.toString("utf8");
    const [, tasksBlock, targetsBlock] = csv.split("\r\n\r\n");
    expect(tasksBlock.split("\r\n").slice(0, 2)).toEqual([
      "Nhiệm vụ",
      "TT,Nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Hạn,Tình trạng,Số ngày quá hạn,Tiến độ (%),Ghi chú tiến độ",
    ]);
    expect(tasksBlock.split("\r\n")).toHaveLength(2 + detail.tasks.length);
    for (const task of detail.tasks) expect(tasksBlock).toContain(task.title);
    expect(targetsBlock.split("\r\n").slice(0, 2)).toEqual(["Chỉ tiêu", "Chỉ tiêu,Năm,Giao cho,Đánh giá,Giải thích"]);
    expect(targetsBlock.split("\r\n")).toHaveLength(2 + detail.targets.length);
    for (const target of detail.targets) expect(targetsBlock).toContain(target.text);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableFile(table, "xlsx")).body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.rowCount])).toEqual([
      ["Báo cáo 4200-KH-UBND", 1 + table.rows.length],
      ["Nhiệm vụ", 1 + detail.tasks.length],
      ["Chỉ tiêu", 1 + detail.targets.length],
    ]);
    const english = await inLocale("en", () => queries.compiledReportTable(staff, plan, "2026-Q1", NOW));
    expect(english.columns).toEqual(["Reporting period", "Agency", "Status", "Submitted at", "Submitted by", "Report"]);
    expect(english.sections?.map((section) => section.title)).toEqual(["Tasks", "Targets"]);
    await expect(queries.getCompiledReport(head, plan, null, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await queries.getCompiledReport(leader, plan, null, NOW)).rows.length).toBe(4 * detail.matrix.rows.length);
    await expect(queries.getCompiledReport(staff, plan, "2026-Q2", NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the agency's work lists what it still owes", async () => {
    const work = await queries.getMyWork(head, NOW);
    expect(work.reportsDue.map((r) => [r.period.key, r.state])).toEqual([
      ["2026-H1", "missing"],
      ["2026-Q3", "missing"],
      ["2026", "open"],
    ]);
  });
});

describe("links and attachments", () => {
  it("staff link a directive to the one it implements, once; audit both ways", async () => {
    const plan = await directiveId("4200/KH-UBND");
    const earlier = await directiveId("1020/UBND-TH");
    await mutations.linkDirectives(staff, { fromId: String(plan), toId: String(earlier), relation: "Căn cứ" });
    expect(await lastAudit("directive.link")).toMatchObject({ newValue: { from: "4200/KH-UBND", to: "1020/UBND-TH", relation: "Căn cứ" } });
    await refused(() => mutations.linkDirectives(staff, { fromId: String(earlier), toId: String(plan), relation: "Triển khai" }), ValidationError);
    const detail = await queries.getDirective(staff, earlier, NOW);
    expect(detail.links.map((l) => l.relationText)).toEqual(["Triển khai", "Là căn cứ của"]);
    const quangNamPlan = (await testDb.directive.findFirstOrThrow({ where: { number: "4183/KH-UBND", provinceId: quangNam } })).id;
    await refused(() => mutations.linkDirectives(staff, { fromId: String(plan), toId: String(quangNamPlan), relation: "Liên quan" }), ForbiddenError);
    await refused(() => mutations.linkDirectives(leader, { fromId: String(plan), toId: String(earlier), relation: "Liên quan" }), ForbiddenError);
    await mutations.unlinkDirectives(staff, { fromId: String(plan), toId: String(earlier) });
    expect(await lastAudit("directive.unlink")).toMatchObject({ oldValue: { relation: "Căn cứ" } });
  });

  it("staff attach files to a directive; agency heads cannot", async () => {
    const plan = await directiveId("4200/KH-UBND");
    const file = await mutations.addDirectiveFile(staff, plan, { name: "KH-4200.pdf", bytes: PDF });
    expect((await queries.getDirective(leader, plan, NOW)).files.map((f) => f.fileName)).toEqual(["KH-4200.pdf"]);
    await refused(() => mutations.addDirectiveFile(head, plan, { name: "x.pdf", bytes: PDF }), ForbiddenError);
    await refused(() => mutations.removeDirectiveFile(head, file.id), ForbiddenError);
    await mutations.removeDirectiveFile(staff, file.id);
    expect(await lastAudit("directive.file.remove")).toMatchObject({ oldValue: expect.objectContaining({ fileName: "KH-4200.pdf" }) });
  });
});

describe("targets: entry, bulk, audit and concurrency", () => {
  let plan: number;
  beforeAll(async () => {
    plan = await directiveId("4200/KH-UBND");
  });

  it("staff set the plan's two targets: PAR INDEX ≥ 80% and up 10–15 places", async () => {
    await mutations.createTarget(staff, {
      directiveId: String(plan),
      kind: "MIN_PERCENT_OF_MAX",
      indexCode: "PAR_INDEX",
      year: "2026",
      value: "80",
    });
    const { id } = await mutations.createTarget(staff, {
      directiveId: String(plan),
      kind: "RANK_IMPROVEMENT",
      indexCode: "PAR_INDEX",
      year: "2026",
      value: "10",
      valueMax: "15",
    });
    expect(await testDb.target.findUniqueOrThrow({ where: { id } })).toMatchObject({ provinceId: anGiang, unit: "bậc" });
    expect(await lastAudit("target.create")).toMatchObject({
      newValue: expect.objectContaining({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 15 }),
    });
    const detail = await queries.getDirective(staff, plan, NOW);
    expect(detail.targets.map((t) => t.text)).toEqual(["PAR INDEX ≥ 80% điểm tối đa", "PAR INDEX: tăng 10–15 bậc"]);
    // 2026 is not published, and An Giang (formed 01/07/2025) has no 2025 result yet.
    expect(detail.targets.map((t) => t.evaluation?.status)).toEqual(["not_yet_known", "not_yet_known"]);
  });

  it("refuses invalid targets field by field, and agency heads and leaders", async () => {
    const error = await refused(
      () =>
        mutations.createTarget(staff, {
          directiveId: String(plan),
          kind: "MIN_PERCENT_OF_MAX",
          indexCode: "PAR_INDEX",
          year: "2019",
          value: "180",
          valueMax: "5",
        }),
      ValidationError,
    );
    expect(error.issues?.map((i) => i.field).sort()).toEqual(["value", "valueMax", "year"]);
    await refused(() => mutations.createTarget(head, { directiveId: String(plan), kind: "COMMITMENT_COMPLETION", year: "2026", value: "100" }), ForbiddenError);
    await refused(
      () => mutations.createTarget(leader, { directiveId: String(plan), kind: "COMMITMENT_COMPLETION", year: "2026", value: "100" }),
      ForbiddenError,
    );
  });

  it("updates and deletes with the version read", async () => {
    const { id } = await mutations.createTarget(staff, {
      directiveId: String(plan),
      kind: "MAX_RANK",
      indexCode: "PAR_INDEX",
      year: "2026",
      value: "20",
    });
    await mutations.updateTarget(staff, {
      id: String(id),
      version: "0",
      kind: "MAX_RANK",
      indexCode: "PAR_INDEX",
      year: "2026",
      value: "15",
    });
    expect(await lastAudit("target.update")).toMatchObject({
      oldValue: expect.objectContaining({ value: 20 }),
      newValue: expect.objectContaining({ value: 15 }),
    });
    const conflict = await refused(
      () => mutations.updateTarget(staff, { id: String(id), version: "0", kind: "MAX_RANK", indexCode: "PAR_INDEX", year: "2026", value: "5" }),
      ConflictError,
    );
    expect(conflict.message).toContain("xếp hạng từ 1 đến 15");
    await refused(() => mutations.deleteTarget(staff, { id: String(id), version: "0" }), ConflictError);
    await refused(() => mutations.deleteTarget(head, { id: String(id), version: "1" }), ForbiddenError);
    await mutations.deleteTarget(staff, { id: String(id), version: "1" });
    expect(await testDb.target.findUnique({ where: { id } })).toBeNull();
    expect(await lastAudit("target.delete")).toMatchObject({ entityId: String(id), oldValue: expect.objectContaining({ value: 15 }) });
  });

  it("gives every selected agency the same commitment target at once, all or nothing", async () => {
    const agencyIds = [agency.STP, agency.SNV, agency.STC].map(String);
    const auditsBefore = await testDb.auditLog.count({ where: { action: "target.bulkCreate" } });
    expect(
      await mutations.createBulkTargets(staff, {
        directiveId: String(plan),
        kind: "COMMITMENT_COMPLETION",
        year: "2026",
        value: "100",
        agencyIds,
        note: "Cam kết với Chủ tịch UBND tỉnh",
      }),
    ).toEqual({ count: 3 });
    const rows = await testDb.target.findMany({
      where: { directiveId: plan, kind: "COMMITMENT_COMPLETION" },
      orderBy: { agencyId: "asc" },
    });
    expect(rows.map((r) => [r.agencyId, Number(r.value), r.unit, r.provinceId])).toEqual(
      [agency.STP, agency.SNV, agency.STC].sort((a, b) => a - b).map((id) => [id, 100, "%", anGiang]),
    );
    expect(await testDb.auditLog.count({ where: { action: "target.bulkCreate" } })).toBe(auditsBefore + 3);
    const again = await refused(
      () =>
        mutations.createBulkTargets(staff, {
          directiveId: String(plan),
          kind: "COMMITMENT_COMPLETION",
          year: "2026",
          value: "100",
          agencyIds: [String(agency.SYT), String(agency.STP)],
        }),
      ValidationError,
    );
    expect(again.issues?.[0].message).toContain("Sở Tư pháp");
    await refused(
      () =>
        mutations.createBulkTargets(staff, {
          directiveId: String(plan),
          kind: "CRITERION_SCORE",
          year: "2026",
          value: "4",
          agencyIds: [String(agency.SYT)],
        }),
      ValidationError,
    );
    await refused(
      () =>
        mutations.createBulkTargets(leader, {
          directiveId: String(plan),
          kind: "COMMITMENT_COMPLETION",
          year: "2026",
          value: "100",
          agencyIds: [String(agency.SYT)],
        }),
      ForbiddenError,
    );
  });
});

describe("evaluation of every kind of target", () => {
  const status = async (actor: Actor, id: number, now = NOW) => {
    const detail = await queries.getDirective(actor, id, now);
    return Object.fromEntries(detail.targets.map((t) => [t.kind + (t.agency ? `:${t.agency.name}` : ""), t.evaluation]));
  };
  async function publish(unit: number, indexCode: string, year: number, score: number, officialRank: number | null) {
    await testDb.publishedResult.upsert({
      where: { indexCode_year_provinceId: { indexCode, year, provinceId: unit } },
      create: { provinceId: unit, indexCode, year, score, officialRank, source: "kiểm thử" },
      update: { score, officialRank },
    });
  }

  it("PAR INDEX ≥ 80% and up 10–15 places (Quảng Nam 2019): not yet known, at risk, then met on a partial table", async () => {
    const plan = (await testDb.directive.findFirstOrThrow({ where: { number: "4183/KH-UBND", provinceId: quangNam } })).id;
    let targets = await status(admin, plan);
    expect(targets.MIN_PERCENT_OF_MAX).toMatchObject({ status: "not_yet_known", actual: null });
    expect(targets.RANK_IMPROVEMENT).toMatchObject({ status: "not_yet_known" });

    // 2018 is known (75 points, 30th): below 80% the year before, so 2019 is at risk.
    await publish(quangNam, "PAR_INDEX", 2018, 75, 30);
    targets = await status(admin, plan);
    expect(targets.MIN_PERCENT_OF_MAX).toMatchObject({ status: "at_risk", gap: 5 });

    // 2019 published without Quảng Nam's rank: the 2019 table of the seed is partial (ranks 1–5, 11, 44, 63),
    // so 82,5 points (above the 44th's 80,05) ranks 12th to 43rd: from 13 places down to 18 up.
    await publish(quangNam, "PAR_INDEX", 2019, 82.5, null);
    targets = await status(admin, plan);
    expect(targets.MIN_PERCENT_OF_MAX).toMatchObject({ status: "met", actual: 82.5, gap: 0 });
    expect(targets.RANK_IMPROVEMENT).toMatchObject({ status: "not_yet_known", actual: null });
    expect(targets.RANK_IMPROVEMENT!.actualText).toBe("từ giảm 13 bậc đến tăng 18 bậc");
    expect(targets.RANK_IMPROVEMENT!.explanation).toContain("chưa đầy đủ");

    // With the official rank: 30th → 20th is up 10 (met); 30th → 25th is up 5 (missed by 5).
    await publish(quangNam, "PAR_INDEX", 2019, 82.5, 20);
    expect((await status(admin, plan)).RANK_IMPROVEMENT).toMatchObject({ status: "met", actual: 10, gap: 0 });
    await publish(quangNam, "PAR_INDEX", 2019, 82.5, 25);
    expect((await status(admin, plan)).RANK_IMPROVEMENT).toMatchObject({ status: "missed", actual: 5, gap: 5 });
    expect((await queries.listDirectives(admin, { status: "targets_missed" }, NOW)).items.map((d) => d.number)).toContain("4183/KH-UBND");
  });

  it("rank at most N: met, missed, and not yet known on a partial table", async () => {
    const plan = (await testDb.directive.findFirstOrThrow({ where: { number: "4183/KH-UBND", provinceId: quangNam } })).id;
    const { id } = await mutations.createTarget(admin, {
      directiveId: String(plan),
      kind: "MAX_RANK",
      indexCode: "PAR_INDEX",
      year: "2019",
      value: "30",
    });
    expect((await status(admin, plan)).MAX_RANK).toMatchObject({ status: "met", actual: 25 });
    await mutations.updateTarget(admin, {
      id: String(id),
      version: "0",
      kind: "MAX_RANK",
      indexCode: "PAR_INDEX",
      year: "2019",
      value: "10",
    });
    expect((await status(admin, plan)).MAX_RANK).toMatchObject({ status: "missed", gap: 15 });
    await publish(quangNam, "PAR_INDEX", 2019, 82.5, null);
    await mutations.updateTarget(admin, {
      id: String(id),
      version: "1",
      kind: "MAX_RANK",
      indexCode: "PAR_INDEX",
      year: "2019",
      value: "40",
    });
    expect((await status(admin, plan)).MAX_RANK).toMatchObject({ status: "not_yet_known", actualText: "hạng 12–43 (trên 63)" });
  });

  it("SIPAS ≥ 85 (Bình Phước 2019): not yet known, then missed with the gap; commitments missed after the year", async () => {
    const plan = await directiveId("1565/UBND-NC");
    let targets = await status(admin, plan);
    expect(targets.MIN_SCORE).toMatchObject({ status: "not_yet_known" });
    // 100% of the 7 commitments: none done, and 2019 is over.
    expect(targets.COMMITMENT_COMPLETION).toMatchObject({ status: "missed", actual: 0, gap: 100 });
    await publish(binhPhuoc, "SIPAS", 2019, 83.94, null);
    targets = await status(admin, plan);
    expect(targets.MIN_SCORE).toMatchObject({ status: "missed", actual: 83.94, gap: 1.06 });
  });

  it("an agency's commitments: met when its tasks are done, at risk when one is overdue in the year, not yet known otherwise", async () => {
    const plan = await directiveId("4200/KH-UBND");
    const stp = await testDb.task.findFirstOrThrow({ where: { directiveId: plan, leadAgencyId: agency.STP } });
    await mutations.updateTaskProgress(head, {
      id: String(stp.id),
      version: String(stp.version),
      status: "DONE",
      progressPercent: "100",
      progressNote: "Hoàn thành",
    });
    const targets = await status(staff, plan);
    expect(targets["COMMITMENT_COMPLETION:Sở Tư pháp"]).toMatchObject({ status: "met", actual: 100 });
    expect(targets["COMMITMENT_COMPLETION:Sở Nội vụ"]).toMatchObject({ status: "at_risk", actual: 0 });
    expect(targets["COMMITMENT_COMPLETION:Sở Tài chính"]).toMatchObject({ status: "not_yet_known", actual: 0 });
    // The agency head sees the evaluation of their own agency's target only.
    const seen = (await queries.getDirective(head, plan, NOW)).targets.filter((t) => t.evaluation !== null).map((t) => t.agency?.name);
    expect(seen).toEqual(["Sở Tư pháp"]);
  });

  it("a criterion's score for an agency, from the internal assessment: final (met or missed), else at risk or not yet known", async () => {
    const { id: plan } = await mutations.createDirective(
      staff,
      directiveInput({ number: "4300/KH-UBND", years: "2025, 2026", issuedOn: "2025-08-01", reporting: [] }),
      NOW,
    );
    const criterion = await testDb.criterion.findFirstOrThrow({ where: { code: "1.1.2", framework: { key: "an-giang-so-ban-nganh" } } });
    const final = Number(
      (await testDb.criterionScore.findFirstOrThrow({ where: { criterionId: criterion.id, assessment: { agencyId: agency.STP } } })).finalScore,
    );
    // The demo scores are random: a target at the score obtained is met (at 1 point when it scored 0, missed).
    const value = final > 0 ? final : 1;
    await mutations.createBulkTargets(staff, {
      directiveId: String(plan),
      kind: "CRITERION_SCORE",
      year: "2025",
      value: String(value).replace(".", ","),
      criterionId: String(criterion.id),
      agencyIds: [String(agency.STP)],
    });
    expect((await status(staff, plan))["CRITERION_SCORE:Sở Tư pháp"]).toMatchObject({
      status: final >= value ? "met" : "missed",
      actual: final,
    });
    if (final > 0 && final < 5) {
      const target = await testDb.target.findFirstOrThrow({ where: { directiveId: plan } });
      await mutations.updateTarget(staff, {
        id: String(target.id),
        version: "0",
        kind: "CRITERION_SCORE",
        year: "2025",
        value: "5",
        agencyId: String(agency.STP),
        criterionId: String(criterion.id),
      });
      expect((await status(staff, plan))["CRITERION_SCORE:Sở Tư pháp"]).toMatchObject({
        status: "missed",
        gap: Math.round((5 - final) * 100) / 100,
      });
    }
    // For 2026 nothing is scored yet: last year's final score tells whether it is at risk.
    const { id: next } = await mutations.createTarget(staff, {
      directiveId: String(plan),
      kind: "CRITERION_SCORE",
      year: "2026",
      value: "5",
      agencyId: String(agency.STP),
      criterionId: String(criterion.id),
    });
    const evaluation = (await queries.getDirective(staff, plan, NOW)).targets.find((t) => t.id === next)!.evaluation!;
    expect(evaluation.status).toBe(final < 5 ? "at_risk" : "not_yet_known");
    expect(evaluation.actual).toBeNull();
  });

  it("an agency's internal total (MIN_SCORE on the internal index) is read from its published assessment", async () => {
    const plan = await directiveId("4300/KH-UBND");
    const assessment = await testDb.assessment.findFirstOrThrow({ where: { agencyId: agency.STP, period: { year: 2025 } } });
    const total = Number(assessment.finalTotal);
    await mutations.createTarget(staff, {
      directiveId: String(plan),
      kind: "MIN_SCORE",
      indexCode: "INTERNAL_PAR",
      year: "2025",
      value: "50",
      agencyId: String(agency.STP),
    });
    const evaluation = (await queries.getDirective(staff, plan, NOW)).targets.find((t) => t.kind === "MIN_SCORE")!.evaluation!;
    expect(evaluation).toMatchObject({ status: total >= 50 ? "met" : "missed", actual: total });
  });
});
