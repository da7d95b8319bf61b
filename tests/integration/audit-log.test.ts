// The audit-log page's reads and export: who sees which rows (administrators all; Home Affairs
// staff their province and the old units it was formed from), the filters by user, entity and
// Vietnam calendar day, and the exported file.
import { AsyncLocalStorage } from "node:async_hooks";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
// Next.js provides AsyncLocalStorage on globalThis (the request's language, lib/i18n/message-locale.ts); here the test does.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

const { listAudit, auditExport, AUDIT_PAGE_SIZE } = await import("@/lib/audit/queries");
const { inLocale } = await import("@/lib/i18n/message-locale");
const { auditFiltersSchema } = await import("@/lib/audit/schema");
const { ForbiddenError, UnauthenticatedError } = await import("@/lib/errors");
const { streamCsv } = await import("@/lib/io/table-file");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let admin: Actor, staff: Actor, leader: Actor, head: Actor;
const ids = {} as Record<"own" | "formerAnGiang" | "formerKienGiang" | "other", number>;
const filters = (input: Record<string, string | number> = {}) => auditFiltersSchema.parse(input);

beforeAll(async () => {
  [admin, staff, leader, head] = await Promise.all(["quantri", "noivu", "lanhdao", "thutruong"].map((u) => actorFor(`${u}@demo.local`)));
  ids.own = staff.provinceId!;
  ids.formerAnGiang = (await testDb.province.findFirstOrThrow({ where: { code: "89", validTo: { not: null } } })).id;
  ids.formerKienGiang = (await testDb.province.findFirstOrThrow({ where: { code: "91", validTo: { not: null } } })).id;
  ids.other = (await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } })).id;
  const userIds = new Map((await testDb.user.findMany()).map((u) => [u.email, u.id]));
  const row = (provinceId: number | null, at: string, extra: Partial<{ actorEmail: string; entityType: string; entityId: string; action: string }> = {}) => ({
    actorId: userIds.get(extra.actorEmail ?? "noivu@demo.local") ?? null,
    actorEmail: "noivu@demo.local",
    action: "criterionScore.selfScore",
    entityType: "CriterionScore",
    entityId: "1",
    provinceId,
    at: new Date(at),
    oldValue: { selfScore: null, criterion: "1.1.1" },
    newValue: { selfScore: 1.5, criterion: "1.1.1" },
    ...extra,
  });
  await testDb.auditLog.createMany({
    data: [
      // 23:30 on 1 January in Vietnam is still 1 January; 00:30 on 2 January is 17:30 UTC on the 1st.
      row(ids.own, "2026-01-01T16:30:00Z", { entityId: "101" }),
      row(ids.own, "2026-01-01T17:30:00Z", { entityId: "102", actorEmail: "thutruong@demo.local" }),
      row(ids.formerAnGiang, "2024-05-01T03:00:00Z", { entityType: "Directive", entityId: "7", action: "directive.update" }),
      row(ids.formerKienGiang, "2024-06-01T03:00:00Z", { entityType: "PublishedResult", entityId: "8", action: "publishedResult.update" }),
      row(ids.other, "2026-01-01T03:00:00Z", { entityId: "900", actorEmail: "khac@example.vn" }),
      row(null, "2026-01-01T04:00:00Z", {
        entityType: "Framework",
        entityId: "5",
        action: "framework.update",
        actorEmail: "quantri@demo.local",
      }),
      row(ids.own, "2026-01-03T03:00:00Z", { entityId: '=HYPERLINK("http://x")' }),
    ],
  });
});

const entityIds = (page: { rows: { entityId: string }[] }) => page.rows.map((r) => r.entityId).sort();

describe("who reads which rows", () => {
  it("gives Home Affairs staff their province and the units it was formed from, not other provinces nor national rows", async () => {
    const page = await listAudit(staff, filters());
    expect(page.rows.some((r) => r.entityId === "900" || r.entityType === "Framework")).toBe(false);
    expect(entityIds(await listAudit(staff, filters({ from: "2024-01-01", to: "2024-12-31" })))).toEqual(["7", "8"]);
    expect(page.options.provinces.map((p) => p.id).sort()).toEqual([ids.own, ids.formerAnGiang, ids.formerKienGiang].sort());
    expect(page.scope).toContain("An Giang");
    // An old unit alone, reached through the lineage; another province is refused.
    expect(entityIds(await listAudit(staff, filters({ provinceId: ids.formerKienGiang })))).toEqual(["8"]);
    await expect(listAudit(staff, filters({ provinceId: ids.other }))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("gives administrators every row, and a province on request", async () => {
    const page = await listAudit(admin, filters({ from: "2026-01-01", to: "2026-01-03" }));
    expect(page.scope).toBeNull();
    expect(entityIds(page)).toEqual(expect.arrayContaining(["101", "102", "900", "5"]));
    expect(entityIds(await listAudit(admin, filters({ provinceId: ids.other })))).toEqual(["900"]);
  });

  it("refuses leaders and agency heads (403) and the signed-out (401)", async () => {
    await expect(listAudit(leader, filters())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAudit(head, filters())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(auditExport(head, filters())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAudit(null, filters())).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("filters", () => {
  it("by user, entity and record", async () => {
    expect(entityIds(await listAudit(staff, filters({ user: "thutruong@demo.local" })))).toEqual(["102"]);
    expect(entityIds(await listAudit(staff, filters({ entity: "Directive" })))).toEqual(["7"]);
    expect(entityIds(await listAudit(staff, filters({ entity: "CriterionScore", entityId: "101" })))).toEqual(["101"]);
  });

  it("by calendar day in Vietnam time", async () => {
    expect(entityIds(await listAudit(staff, filters({ from: "2026-01-01", to: "2026-01-01" })))).toEqual(["101"]);
    expect(entityIds(await listAudit(staff, filters({ from: "2026-01-02", to: "2026-01-02" })))).toEqual(["102"]);
  });

  it("explains a bad filter", () => {
    expect(auditFiltersSchema.safeParse({ from: "2026-02-30" }).error?.issues[0].message).toBe("Từ ngày phải là một ngày có thật (dd/mm/yyyy).");
    expect(auditFiltersSchema.safeParse({ from: "2026-02-02", to: "2026-02-01" }).error?.issues[0].message).toBe("Đến ngày phải từ ngày bắt đầu trở đi.");
  });

  it("pages newest first, with the old → new values of each row", async () => {
    const page = await listAudit(staff, filters({ user: "thutruong@demo.local" }));
    expect(page.rows[0]).toMatchObject({ actionLabel: "Tự chấm điểm", entityLabel: "Điểm tiêu chí", actorName: expect.any(String) });
    expect(page.rows[0].changes.changes).toEqual([{ field: "selfScore", old: "(trống)", new: "1,5" }]);
    const all = await listAudit(admin, filters());
    expect(all.rows.length).toBe(Math.min(all.total, AUDIT_PAGE_SIZE));
    expect(all.rows.map((r) => r.at.getTime())).toEqual([...all.rows.map((r) => r.at.getTime())].sort((a, b) => b - a));
  });
});

describe("export", () => {
  it("writes the filtered rows with Vietnam time, the change and the raw values, formula-like text protected", async () => {
    const table = await auditExport(staff, filters({ from: "2026-01-01", to: "2026-01-03" }));
    const text = await new Response(streamCsv(table.columns, table.batches())).text();
    const csv = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(csv[0]).toEqual(table.columns);
    expect(csv.slice(1).map((r) => r[0])).toEqual(["10:00:00 03/01/2026", "00:30:00 02/01/2026", "23:30:00 01/01/2026"]);
    expect(csv[2]).toEqual(expect.arrayContaining(["Tự chấm điểm", "criterionScore.selfScore", "Điểm tiêu chí", "102", "selfScore: (trống) → 1,5"]));
    expect(csv[1][5]).toBe('\'=HYPERLINK("http://x")');
  });

  it("heads the file in the request's language (issue 14, item 11)", async () => {
    const vi = await auditExport(staff, filters({ from: "2026-01-01", to: "2026-01-03" }));
    expect(vi.columns.slice(0, 3)).toEqual(["Thời điểm (giờ Việt Nam)", "Người thực hiện", "Thao tác"]);
    const en = await inLocale("en", () => auditExport(staff, filters({ from: "2026-01-01", to: "2026-01-03" })));
    expect([en.columns.slice(0, 3), en.sheetName]).toEqual([["Time (Viet Nam)", "By", "Action"], "Change log"]);
  });
});

describe("the one writer, writeAudit", () => {
  it("stores every text as written, whatever it holds: each column travels as one array literal (lib/db/bulk.ts)", async () => {
    const { writeAudit } = await import("@/lib/audit/log");
    const entityIds = ["7", 'a "quoted", {braced} id', "back\\slash", "NULL", "", "hai\ndòng", "Sở Nội vụ"];
    const rollback = new Error("rollback");
    const stored = await testDb
      .$transaction(async (tx) => {
        const before = await tx.auditLog.aggregate({ _max: { id: true } });
        await writeAudit(
          tx,
          { id: null, email: "kiemthu@demo.local" },
          entityIds.map((entityId, i) => ({
            action: "framework.update",
            entityType: "Framework",
            entityId,
            provinceId: i % 2 ? ids.own : null,
            oldValue: i === 0 ? undefined : { name: entityId },
            newValue: { name: `${entityId}!`, points: 1.25 },
          })),
        );
        const rows = await tx.auditLog.findMany({ where: { id: { gt: before._max.id ?? 0n } }, orderBy: { id: "asc" } });
        throw Object.assign(rollback, { rows });
      })
      .catch((error) => {
        if (error !== rollback) throw error;
        return (error as Error & { rows: { entityId: string; provinceId: number | null; oldValue: unknown; newValue: unknown }[] }).rows;
      });
    expect(stored.map((r) => r.entityId)).toEqual(entityIds);
    expect(stored.map((r) => r.provinceId)).toEqual(entityIds.map((_, i) => (i % 2 ? ids.own : null)));
    expect(stored.map((r) => r.oldValue)).toEqual(entityIds.map((id, i) => (i === 0 ? null : { name: id })));
    expect(stored.map((r) => r.newValue)).toEqual(entityIds.map((id) => ({ name: `${id}!`, points: 1.25 })));
  });
});
