// Frameworks as data against real PostgreSQL: creating and editing versions, the sum rule, the
// new-version rule for frameworks in use, file import/export, permissions, audit and concurrency.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { exportTree, readTreeFile } from "@/lib/frameworks/io";
import { createFramework, setComponents, setGradeBands, updateFrameworkMeta } from "@/lib/frameworks/mutations";
import { addCriterion, deleteCriterion, importTree, setMaxPoints, updateCriterion } from "@/lib/frameworks/criteria/mutations";
import { getFramework, listFrameworks } from "@/lib/frameworks/queries";
import { actorFor } from "../support/actors";
import { testDb } from "../support/db";

let admin: Actor, staff: Actor, leader: Actor, head: Actor;
let par2022: number; // national PAR INDEX 2022–2030, not used by any assessment
let demo: number; // An Giang's internal framework, used by the demo assessments
let anGiangId: number;

beforeAll(async () => {
  [admin, staff, leader, head] = await Promise.all(["quantri", "noivu", "lanhdao", "thutruong"].map((u) => actorFor(`${u}@demo.local`)));
  par2022 = (await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "par-index-provincial", version: 2 } } })).id;
  demo = (await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } })).id;
  anGiangId = (await testDb.province.findFirstOrThrow({ where: { code: "91", validTo: null } })).id;
});

const revisionOf = async (id: number) => (await testDb.framework.findUniqueOrThrow({ where: { id } })).revision;
const criteriaOf = (frameworkId: number) => testDb.criterion.findMany({ where: { frameworkId }, orderBy: { id: "asc" } });
const nodeOf = (frameworkId: number, code: string) => testDb.criterion.findUniqueOrThrow({ where: { frameworkId_code: { frameworkId, code } } });
const auditCount = () => testDb.auditLog.count();
const csv = (lines: string[]) => new TextEncoder().encode(["code,parent_code,level,name,max_points,method,guidance,required_evidence", ...lines].join("\n"));

/** Runs work that must fail with `error` and checks that no framework, node, band or audit row changed. */
async function expectNothingChanged(work: () => Promise<unknown>, error: abstract new (...args: never[]) => unknown) {
  const snapshot = () =>
    Promise.all([
      testDb.framework.findMany({ orderBy: { id: "asc" } }),
      testDb.criterion.findMany({ orderBy: { id: "asc" } }),
      testDb.gradeBand.findMany({ orderBy: [{ frameworkId: "asc" }, { label: "asc" }] }),
      testDb.frameworkComponent.findMany({ orderBy: [{ frameworkId: "asc" }, { code: "asc" }] }),
      auditCount(),
    ]);
  const before = await snapshot();
  const failure = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(error);
  expect(await snapshot()).toEqual(before);
  return failure as Error & { issues?: { message: string; row?: number }[] };
}

const nodeInput = async (frameworkId: number, code: string, changes: Record<string, unknown> = {}) => {
  const node = await nodeOf(frameworkId, code);
  return {
    frameworkId,
    revision: await revisionOf(frameworkId),
    criterionId: node.id,
    code: node.code,
    name: node.name,
    maxPoints: Number(node.maxPoints),
    method: node.method,
    guidance: node.guidance,
    requiredEvidence: node.requiredEvidence,
    ...changes,
  };
};

async function newDraft(name: string, extra: Record<string, unknown> = {}) {
  const created = await createFramework(admin, {
    indexCode: "INTERNAL_PAR",
    ownerProvinceId: anGiangId,
    agencyKind: "COMMUNE",
    name,
    validFromYear: 2027,
    maxScore: "100",
    ...extra,
  });
  return created.frameworkId;
}

describe("creating a framework version", () => {
  it("creates a draft internal framework for a province, with an audit row", async () => {
    const audits = await auditCount();
    const created = await createFramework(admin, {
      indexCode: "INTERNAL_PAR",
      ownerProvinceId: String(anGiangId),
      agencyKind: "COMMUNE",
      name: "Bộ chỉ số CCHC UBND cấp xã 2027",
      decision: "Quyết định 12/QĐ-UBND",
      validFromYear: "2027",
      validToYear: "2030",
      maxScore: "100",
      bonusCap: "2,5",
      isIllustrative: "on",
    });
    const stored = await testDb.framework.findUniqueOrThrow({ where: { id: created.frameworkId } });
    expect(stored).toMatchObject({
      status: "DRAFT",
      version: 1,
      key: "bo-chi-so-cchc-ubnd-cap-xa-2027",
      agencyKind: "COMMUNE",
      validToYear: 2030,
      isIllustrative: true,
    });
    expect(Number(stored.bonusCap)).toBe(2.5);
    expect(await auditCount()).toBe(audits + 1);
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "framework.create", entityId: String(created.frameworkId) } });
    expect(audit).toMatchObject({ actorEmail: "quantri@demo.local", provinceId: anGiangId });
    expect(audit.newValue).toMatchObject({ name: "Bộ chỉ số CCHC UBND cấp xã 2027", maxScore: 100, bonusCap: 2.5 });
  });

  it("continues a family of versions when given its key", async () => {
    const created = await createFramework(admin, {
      indexCode: "PAR_INDEX",
      key: "par-index-provincial",
      name: "Chỉ số CCHC cấp tỉnh (dự thảo mới)",
      validFromYear: 2031,
      maxScore: 100,
    });
    const stored = await testDb.framework.findUniqueOrThrow({ where: { id: created.frameworkId } });
    expect(stored).toMatchObject({ version: 3, previousVersionId: par2022, ownerProvinceId: null });
  });

  it("explains what is wrong with the form, field by field, and creates nothing", async () => {
    const error = await expectNothingChanged(
      () => createFramework(admin, { indexCode: "PAR_INDEX", name: "x", validFromYear: "2030", validToYear: "2029", maxScore: "-1" }),
      ValidationError,
    );
    expect(error.issues?.map((i) => i.message)).toEqual([
      "Tên bộ chỉ số: nhập ít nhất 3 ký tự.",
      "Điểm tối đa của bộ chỉ số phải lớn hơn 0, ví dụ 100.",
      "Năm kết thúc áp dụng (2029) phải từ năm bắt đầu (2030) trở đi.",
    ]);
    const national = await expectNothingChanged(
      () => createFramework(admin, { indexCode: "SIPAS", ownerProvinceId: anGiangId, name: "SIPAS tỉnh", validFromYear: 2030, maxScore: 100 }),
      ValidationError,
    );
    expect(national.message).toContain("SIPAS là chỉ số quốc gia");
  });
});

describe("editing the criteria tree", () => {
  it("builds a draft node by node; a child that breaks its parent's sum is refused and changes nothing", async () => {
    const id = await newDraft("Bộ chỉ số xây dựng từng bước");
    await addCriterion(admin, { frameworkId: id, revision: 0, code: "1", name: "Công tác chỉ đạo, điều hành", maxPoints: "60" });
    await addCriterion(admin, { frameworkId: id, revision: 1, code: "2", name: "Cải cách thể chế", maxPoints: "40" });
    const field = await nodeOf(id, "1");
    const error = await expectNothingChanged(
      () => addCriterion(admin, { frameworkId: id, revision: 2, parentId: field.id, code: "1.1", name: "Kế hoạch CCHC", maxPoints: "30" }),
      ValidationError,
    );
    expect(error.issues?.[0].message).toBe("Lĩnh vực 1: tổng điểm tối đa các tiêu chí con là 30 nhưng lĩnh vực là 60. Sửa điểm để hai số bằng nhau.");
    expect(error.issues?.[1].message).toContain('chọn "Tính lại điểm các cấp trên"');

    // Asked to, the parents follow their children.
    await addCriterion(admin, {
      frameworkId: id,
      revision: 2,
      parentId: field.id,
      code: "1.1",
      name: "Kế hoạch CCHC",
      maxPoints: "30",
      recomputeParents: "on",
    });
    const c11 = await nodeOf(id, "1.1");
    await addCriterion(admin, {
      frameworkId: id,
      revision: 3,
      parentId: c11.id,
      code: "1.1.1",
      name: "Ban hành kế hoạch",
      maxPoints: "12,5",
      recomputeParents: "on",
    });
    await addCriterion(admin, {
      frameworkId: id,
      revision: 4,
      parentId: c11.id,
      code: "1.1.2",
      name: "Hoàn thành kế hoạch",
      maxPoints: "47,5",
      recomputeParents: "on",
    });
    const nodes = await criteriaOf(id);
    expect(nodes.map((n) => [n.code, n.level, Number(n.maxPoints)])).toEqual([
      ["1", "FIELD", 60],
      ["2", "FIELD", 40],
      ["1.1", "CRITERION", 60],
      ["1.1.1", "SUB_CRITERION", 12.5],
      ["1.1.2", "SUB_CRITERION", 47.5],
    ]);
    const detail = await getFramework(admin, id);
    expect(detail.criteria.map((c) => c.code)).toEqual(["1", "1.1", "1.1.1", "1.1.2", "2"]);
    expect(detail.issues).toEqual([]);

    // A fourth level does not exist.
    const leaf = await nodeOf(id, "1.1.1");
    const deep = await expectNothingChanged(
      () => addCriterion(admin, { frameworkId: id, revision: 5, parentId: leaf.id, code: "1.1.1.1", name: "Quá sâu", maxPoints: "12.5" }),
      ValidationError,
    );
    expect(deep.message).toContain("chỉ có 3 cấp");
    // Nor two nodes with one code.
    const twice = await expectNothingChanged(
      () => addCriterion(admin, { frameworkId: id, revision: 5, code: "2", name: "Trùng", maxPoints: "1" }),
      ValidationError,
    );
    expect(twice.message).toBe("Mã 2 bị trùng. Mỗi tiêu chí cần một mã riêng.");
  });

  it("keeps a framework in force at its total: a leaf alone cannot change, several leaves at once can", async () => {
    const before = await nodeOf(par2022, "1.1.1");
    expect(Number(before.maxPoints)).toBe(1.5);
    const sum = await expectNothingChanged(async () => updateCriterion(admin, await nodeInput(par2022, "1.1.1", { maxPoints: "2" })), ValidationError);
    expect(sum.issues?.[0].message).toBe("Tiêu chí 1.1: tổng điểm tối đa các tiêu chí con là 5 nhưng tiêu chí cha là 4,5. Sửa điểm để hai số bằng nhau.");
    const total = await expectNothingChanged(
      async () => updateCriterion(admin, await nodeInput(par2022, "1.1.1", { maxPoints: "2", recomputeParents: true })),
      ValidationError,
    );
    expect(total.issues?.map((i) => i.message)).toEqual([
      "Tổng điểm tối đa các lĩnh vực là 100,5 nhưng điểm tối đa của bộ chỉ số là 100. Sửa điểm để hai số bằng nhau.",
      expect.stringContaining('dùng "Sửa điểm tối đa"'),
    ]);

    const [a, b] = await Promise.all([nodeOf(par2022, "1.1.1"), nodeOf(par2022, "1.1.2")]);
    const revision = await revisionOf(par2022);
    const audits = await auditCount();
    const saved = await setMaxPoints(admin, {
      frameworkId: par2022,
      revision,
      points: [
        { criterionId: a.id, maxPoints: "2" },
        { criterionId: b.id, maxPoints: "2,5" },
      ],
    });
    expect(saved).toMatchObject({ frameworkId: par2022, newVersion: false });
    expect([
      Number((await nodeOf(par2022, "1.1.1")).maxPoints),
      Number((await nodeOf(par2022, "1.1.2")).maxPoints),
      Number((await nodeOf(par2022, "1.1")).maxPoints),
    ]).toEqual([2, 2.5, 4.5]);
    expect(await revisionOf(par2022)).toBe(revision + 1);
    const entries = await testDb.auditLog.findMany({
      where: { id: { gt: BigInt(0) } },
      orderBy: { id: "desc" },
      take: (await auditCount()) - audits,
    });
    expect(
      entries.map((e) => [e.action, e.entityId, (e.oldValue as { maxPoints: number }).maxPoints, (e.newValue as { maxPoints: number }).maxPoints]).sort(),
    ).toEqual(
      [
        ["criterion.update", String(a.id), 1.5, 2],
        ["criterion.update", String(b.id), 3, 2.5],
      ].sort(),
    );
  });

  it("edits a node's texts and code in place, and deletes a node with everything under it", async () => {
    const id = await newDraft("Bộ chỉ số để sửa và xóa");
    await addCriterion(admin, { frameworkId: id, revision: 0, code: "1", name: "Lĩnh vực một", maxPoints: "10" });
    const one = await nodeOf(id, "1");
    await addCriterion(admin, { frameworkId: id, revision: 1, parentId: one.id, code: "1.1", name: "Tiêu chí", maxPoints: "10" });
    const c = await nodeOf(id, "1.1");
    await addCriterion(admin, { frameworkId: id, revision: 2, parentId: c.id, code: "1.1.1", name: "Thành phần", maxPoints: "10" });

    await updateCriterion(
      admin,
      await nodeInput(id, "1.1", {
        code: "1.A",
        name: "Tiêu chí đã đổi tên",
        guidance: "Chấm theo báo cáo năm",
        requiredEvidence: "Báo cáo CCHC",
      }),
    );
    const renamed = await testDb.criterion.findUniqueOrThrow({ where: { id: c.id }, include: { children: true } });
    expect(renamed).toMatchObject({
      code: "1.A",
      name: "Tiêu chí đã đổi tên",
      guidance: "Chấm theo báo cáo năm",
      requiredEvidence: "Báo cáo CCHC",
    });
    expect(renamed.children.map((k) => k.code)).toEqual(["1.1.1"]);
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "criterion.update", entityId: String(c.id) } });
    expect(audit.oldValue).toMatchObject({ code: "1.1", name: "Tiêu chí", guidance: null });
    expect(audit.newValue).toMatchObject({ code: "1.A", name: "Tiêu chí đã đổi tên", guidance: "Chấm theo báo cáo năm" });

    await deleteCriterion(admin, { frameworkId: id, revision: await revisionOf(id), criterionId: c.id, recomputeParents: "on" });
    expect((await criteriaOf(id)).map((n) => [n.code, Number(n.maxPoints)])).toEqual([["1", 0]]);
    const deletions = await testDb.auditLog.findMany({
      where: { action: "criterion.delete", oldValue: { path: ["code"], string_starts_with: "1." } },
    });
    expect(deletions.map((d) => (d.oldValue as { code: string }).code).sort()).toEqual(["1.1.1", "1.A"]);
  });

  it("will not delete a node that tasks, targets, results or scores point to", async () => {
    const task = await testDb.task.findFirstOrThrow();
    const node = await nodeOf(par2022, "2.2.1");
    await testDb.taskCriterion.create({ data: { taskId: task.id, criterionId: node.id } });
    const error = await expectNothingChanged(
      async () => deleteCriterion(admin, { frameworkId: par2022, revision: await revisionOf(par2022), criterionId: node.id, recomputeParents: true }),
      ValidationError,
    );
    expect(error.message).toContain("Không xóa được Tiêu chí thành phần 2.2.1: đã có nhiệm vụ gắn với mục này.");
    await testDb.taskCriterion.delete({ where: { taskId_criterionId: { taskId: task.id, criterionId: node.id } } });
  });

  it("sets grade bands and components, checked against the maximum", async () => {
    const id = await newDraft("Bộ chỉ số có xếp loại", { componentsAreAdditive: true });
    await setGradeBands(admin, {
      frameworkId: id,
      revision: 0,
      bands: [
        { label: "Tốt", minScore: "80" },
        { label: "Xuất sắc", minScore: "90" },
        { label: "Khá", minScore: "0" },
      ],
    });
    expect((await getFramework(admin, id)).gradeBands.map((b) => b.label)).toEqual(["Xuất sắc", "Tốt", "Khá"]);
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "framework.setGradeBands", entityId: String(id) } });
    expect(audit.oldValue).toEqual([]);
    const bad = await expectNothingChanged(
      () => setComponents(admin, { frameworkId: id, revision: 1, components: [{ code: "appraisal", nameVi: "Thẩm định", maxPoints: "61,5" }] }),
      ValidationError,
    );
    expect(bad.message).toContain("Tổng điểm các thành phần là 61,5 nhưng điểm tối đa của bộ chỉ số là 100.");
  });

  it("activates a complete framework only, and one per year", async () => {
    const id = await newDraft("Bộ chỉ số sẽ áp dụng", {
      indexCode: "PAR_INDEX",
      ownerProvinceId: null,
      agencyKind: null,
      validFromYear: 2029,
    });
    await addCriterion(admin, { frameworkId: id, revision: 0, code: "1", name: "Một lĩnh vực", maxPoints: "90" });
    const meta = { frameworkId: id, revision: 1, name: "Bộ chỉ số sẽ áp dụng", validFromYear: 2029, maxScore: 100, status: "ACTIVE" };
    const incomplete = await expectNothingChanged(() => updateFrameworkMeta(admin, meta), ValidationError);
    expect(incomplete.issues?.[0].message).toBe("Tổng điểm tối đa các lĩnh vực là 90 nhưng điểm tối đa của bộ chỉ số là 100. Sửa điểm để hai số bằng nhau.");
    const overlap = await expectNothingChanged(() => updateFrameworkMeta(admin, { ...meta, maxScore: 90 }), ValidationError);
    expect(overlap.message).toContain('"Chỉ số CCHC cấp tỉnh giai đoạn 2022–2030" (v2) đang áp dụng cho 2022–2030');
    await updateFrameworkMeta(admin, { ...meta, maxScore: 90, validFromYear: 2031, status: "ACTIVE" });
    expect(await testDb.framework.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ACTIVE", validFromYear: 2031 });
  });
});

describe("a framework in use", () => {
  beforeAll(async () => {
    const assessment = await testDb.assessment.findFirstOrThrow({ where: { period: { frameworkId: demo } }, orderBy: { id: "asc" } });
    await testDb.assessment.update({ where: { id: assessment.id }, data: { status: "SUBMITTED" } });
  });

  it("is reported as in use", async () => {
    const detail = await getFramework(admin, demo);
    expect(detail.inUse).toBe(true);
    expect(detail.usedByAssessments).toBeGreaterThan(0);
  });

  it("saves a change to a criterion as a new draft version and leaves the version in use untouched", async () => {
    const oldNodes = await criteriaOf(demo);
    const oldFramework = await testDb.framework.findUniqueOrThrow({ where: { id: demo }, include: { components: true, gradeBands: true } });
    const change = await updateCriterion(admin, await nodeInput(demo, "1.1.1", { name: "Ban hành kế hoạch CCHC năm trước ngày 15/12" }));
    expect(change.newVersion).toBe(true);
    expect(change.version).toBe(2);
    expect(change.message).toContain("phiên bản mới v2 (bản nháp); phiên bản v1 giữ nguyên");

    expect(await criteriaOf(demo)).toEqual(oldNodes);
    expect(await testDb.framework.findUniqueOrThrow({ where: { id: demo }, include: { components: true, gradeBands: true } })).toEqual(oldFramework);

    const copy = await testDb.framework.findUniqueOrThrow({
      where: { id: change.frameworkId },
      include: { criteria: true, gradeBands: true },
    });
    expect(copy).toMatchObject({
      key: "an-giang-so-ban-nganh",
      version: 2,
      previousVersionId: demo,
      status: "DRAFT",
      isDemo: true,
      ownerProvinceId: anGiangId,
      revision: 0,
    });
    expect(copy.criteria).toHaveLength(oldNodes.length);
    expect(copy.criteria.find((c) => c.code === "1.1.1")?.name).toBe("Ban hành kế hoạch CCHC năm trước ngày 15/12");
    expect(copy.criteria.find((c) => c.code === "1.1.2")?.name).toBe(oldNodes.find((c) => c.code === "1.1.2")?.name);
    expect(copy.gradeBands.map((b) => b.label).sort()).toEqual(oldFramework.gradeBands.map((b) => b.label).sort());
    const parentOf = (nodes: { id: number; code: string; parentId: number | null }[], code: string) => {
      const node = nodes.find((n) => n.code === code)!;
      return nodes.find((n) => n.id === node.parentId)?.code;
    };
    expect(parentOf(copy.criteria, "1.1.1")).toBe("1.1");

    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "framework.newVersion", entityId: String(copy.id) } });
    expect(audit.oldValue).toMatchObject({ frameworkId: demo, version: 1 });
    expect(audit.newValue).toMatchObject({
      version: 2,
      change: "criterion.update",
      criteria: [{ code: "1.1.1", old: { name: oldNodes.find((c) => c.code === "1.1.1")?.name } }],
    });

    // The new draft is not in use: it is edited in place from now on.
    const again = await updateCriterion(admin, await nodeInput(copy.id, "1.1.1", { maxPoints: 3, recomputeParents: true }));
    expect(again).toMatchObject({ frameworkId: copy.id, newVersion: false });
  });

  it("also versions deletions, maxima and grade bands; the next one is v3", async () => {
    const node = await nodeOf(demo, "2.1.1");
    const deleted = await deleteCriterion(admin, {
      frameworkId: demo,
      revision: await revisionOf(demo),
      criterionId: node.id,
      recomputeParents: true,
    });
    expect(deleted).toMatchObject({ newVersion: true, version: 3 });
    expect(await nodeOf(demo, "2.1.1")).toEqual(node);
    await expect(nodeOf(deleted.frameworkId, "2.1.1")).rejects.toThrow();
    const bands = await setGradeBands(admin, {
      frameworkId: demo,
      revision: await revisionOf(demo),
      bands: [{ label: "Đạt", minScore: 50 }],
    });
    expect(bands).toMatchObject({ newVersion: true, version: 4 });
    expect(await testDb.gradeBand.count({ where: { frameworkId: demo } })).toBe(5);
  });

  it("edits guidance, evidence and the status in place: they do not change any score", async () => {
    const revision = await revisionOf(demo);
    const change = await updateCriterion(
      admin,
      await nodeInput(demo, "1.1.2", { guidance: "Căn cứ báo cáo kết quả thực hiện kế hoạch", requiredEvidence: "Báo cáo năm" }),
    );
    expect(change).toMatchObject({ frameworkId: demo, newVersion: false });
    expect(await nodeOf(demo, "1.1.2")).toMatchObject({
      guidance: "Căn cứ báo cáo kết quả thực hiện kế hoạch",
      requiredEvidence: "Báo cáo năm",
    });
    expect(await revisionOf(demo)).toBe(revision + 1);
  });
});

describe("import and export", () => {
  it("gives the same tree back: export to CSV and XLSX, import into an empty draft", async () => {
    const source = await getFramework(admin, par2022);
    for (const format of ["csv", "xlsx"] as const) {
      const file = await exportTree(source, source.criteria, format);
      expect(file.fileName).toBe(`bo-chi-so-par-index-provincial-v2.${format}`);
      const id = await newDraft(`Bản sao PAR INDEX (${format})`, {
        indexCode: "PAR_INDEX",
        ownerProvinceId: null,
        agencyKind: null,
        validFromYear: 2040,
      });
      const data = typeof file.body === "string" ? new TextEncoder().encode(file.body) : new Uint8Array(file.body);
      await importTree(admin, { frameworkId: id, revision: 0, fileName: file.fileName, data });
      const copy = await getFramework(admin, id);
      const shape = (c: (typeof source.criteria)[number]) => [
        c.code,
        c.parentCode,
        c.level,
        c.name,
        c.maxPoints,
        c.method,
        c.guidance,
        c.requiredEvidence,
        c.depth,
      ];
      expect(copy.criteria.map(shape)).toEqual(source.criteria.map(shape));
      expect(copy.criteria.filter((c) => c.level === "FIELD")).toHaveLength(8);
      // Importing the same file again changes nothing.
      const same = await importTree(admin, { frameworkId: id, revision: 1, fileName: file.fileName, data });
      expect(same.message).toBe("Không có thay đổi nào để lưu.");
      const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "framework.replaceTree", entityId: String(id) } });
      expect((audit.oldValue as { tree: unknown[] }).tree).toEqual([]);
      expect((audit.newValue as { tree: unknown[] }).tree).toHaveLength(source.criteria.length);
    }
  });

  it("imports all or nothing, naming every row to fix", async () => {
    const id = await newDraft("Bộ chỉ số nhập từ tệp");
    await importTree(admin, {
      frameworkId: id,
      revision: 0,
      fileName: "cay.csv",
      data: csv(["1,,,Chỉ đạo điều hành,,,,", '1.1,1,,Kế hoạch,"2,5",,,', "1.2,1,,Báo cáo,7.5,,,", "2,,,Thể chế,90,,,"]),
    });
    const before = await criteriaOf(id);
    expect(before.map((n) => [n.code, Number(n.maxPoints)])).toEqual([
      ["1", 10],
      ["1.1", 2.5],
      ["1.2", 7.5],
      ["2", 90],
    ]);
    const error = await expectNothingChanged(
      () =>
        importTree(admin, {
          frameworkId: id,
          revision: 1,
          fileName: "cay.csv",
          data: csv(["1,,,Chỉ đạo điều hành,10,,,", "1.1,1,,Kế hoạch,4,,,", "1.2,1,,Báo cáo,5,,,", "3.1,3,,Mồ côi,1,,,", "2,,,Thể chế,90,,,"]),
        }),
      ValidationError,
    );
    expect(error.issues?.map((i) => i.message)).toEqual([
      "Dòng 2: Lĩnh vực 1: tổng điểm tối đa các tiêu chí con là 9 nhưng lĩnh vực là 10. Sửa điểm để hai số bằng nhau.",
      "Dòng 5: Tiêu chí 3.1: mã cha 3 không có trong bộ chỉ số. Sửa cột parent_code hoặc thêm mục 3.",
    ]);
    const cells = await expectNothingChanged(
      () => importTree(admin, { frameworkId: id, revision: 1, fileName: "cay.csv", data: csv(["1,,,Chỉ đạo,mười,hỏi,,"]) }),
      ValidationError,
    );
    expect(cells.issues?.map((i) => i.row)).toEqual([2, 2]);
    await expectNothingChanged(() => importTree(admin, { frameworkId: id, revision: 1, fileName: "cay.pdf", data: csv([]) }), ValidationError);
    expect(await criteriaOf(id)).toEqual(before);
  });

  it("imports into a framework in use as a new version", async () => {
    const oldNodes = await criteriaOf(demo);
    const source = await getFramework(admin, demo);
    const file = await exportTree(source, source.criteria, "csv");
    const edited = String(file.body).replace("Ban hành kế hoạch CCHC năm đúng hạn", "Ban hành kế hoạch CCHC năm (sửa từ tệp)");
    const change = await importTree(admin, {
      frameworkId: demo,
      revision: source.revision,
      fileName: "demo.csv",
      data: new TextEncoder().encode(edited),
    });
    expect(change.newVersion).toBe(true);
    expect(await criteriaOf(demo)).toEqual(oldNodes);
    expect((await nodeOf(change.frameworkId, "1.1.1")).name).toBe("Ban hành kế hoạch CCHC năm (sửa từ tệp)");
  });

  it("reads an uploaded file's rows with their row numbers", async () => {
    const rows = await readTreeFile("a.csv", csv(["1,,FIELD,Một,5,APPRAISAL,,"]));
    expect(rows).toEqual([
      {
        code: "1",
        parentCode: null,
        level: "FIELD",
        name: "Một",
        maxPoints: 5,
        method: "APPRAISAL",
        guidance: null,
        requiredEvidence: null,
        row: 2,
      },
    ]);
  });
});

describe("who may do what", () => {
  it.each(["noivu", "lanhdao", "thutruong"])("refuses every write to %s@demo.local and changes nothing", async (user) => {
    const actor = await actorFor(`${user}@demo.local`);
    const revision = await revisionOf(demo);
    const input = await nodeInput(demo, "1.1.2", { guidance: "Không được lưu" });
    await expectNothingChanged(() => updateCriterion(actor, input), ForbiddenError);
    await expectNothingChanged(() => addCriterion(actor, { frameworkId: demo, revision, code: "9", name: "X", maxPoints: 1 }), ForbiddenError);
    await expectNothingChanged(() => deleteCriterion(actor, { frameworkId: demo, revision, criterionId: input.criterionId }), ForbiddenError);
    await expectNothingChanged(
      () =>
        updateFrameworkMeta(actor, {
          frameworkId: par2022,
          revision: 0,
          name: "Đổi tên",
          validFromYear: 2022,
          maxScore: 100,
          status: "ACTIVE",
        }),
      ForbiddenError,
    );
    await expectNothingChanged(() => setGradeBands(actor, { frameworkId: par2022, revision: 0, bands: [] }), ForbiddenError);
    await expectNothingChanged(() => importTree(actor, { frameworkId: par2022, revision: 0, fileName: "x.csv", data: csv(["1,,,X,100,,,"]) }), ForbiddenError);
    await expectNothingChanged(
      () =>
        createFramework(actor, {
          indexCode: "INTERNAL_PAR",
          ownerProvinceId: anGiangId,
          name: "Bộ của tỉnh",
          validFromYear: 2030,
          maxScore: 100,
        }),
      ForbiddenError,
    );
  });

  it("shows national frameworks to everyone and an internal one to its province only", async () => {
    const names = async (actor: Actor) => (await listFrameworks(actor)).flatMap((g) => g.frameworks.map((f) => f.key));
    for (const actor of [staff, leader, head, admin]) {
      expect(await names(actor)).toEqual(expect.arrayContaining(["par-index-provincial", "sipas", "an-giang-so-ban-nganh"]));
      expect((await getFramework(actor, demo)).canEdit).toBe(actor.role === "ADMIN");
    }
    const haNoi = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    await testDb.user.create({
      data: { email: "noivu-hanoi@test.local", name: "Sở Nội vụ Hà Nội", role: "HOME_AFFAIRS", provinceId: haNoi.id, passwordHash: "x" },
    });
    const other = await actorFor("noivu-hanoi@test.local");
    expect(await names(other)).not.toContain("an-giang-so-ban-nganh");
    await expect(getFramework(other, demo)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getFramework(other, par2022)).criteria.filter((c) => c.level === "FIELD")).toHaveLength(8);
    await expect(getFramework(other, 999999)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("concurrent edits", () => {
  it("refuses a save made from a stale page and shows what is there now", async () => {
    const id = await newDraft("Bộ chỉ số hai người sửa");
    await addCriterion(admin, { frameworkId: id, revision: 0, code: "1", name: "Lĩnh vực của người thứ nhất", maxPoints: 10 });
    const node = await nodeOf(id, "1");
    const error = await expectNothingChanged(
      () =>
        updateCriterion(admin, {
          frameworkId: id,
          revision: 0,
          criterionId: node.id,
          code: "1",
          name: "Bản của người thứ hai",
          maxPoints: 10,
        }),
      ConflictError,
    );
    expect(error.message).toBe(
      'Bộ chỉ số này vừa được người khác sửa (lần sửa thứ 1) sau khi bạn mở trang. Hiện tại Lĩnh vực 1 là "Lĩnh vực của người thứ nhất", tối đa 10 điểm. Tải lại trang để xem nội dung hiện tại rồi sửa lại.',
    );
    expect((error as ConflictError).current).toMatchObject({ revision: 1, value: { code: "1", name: "Lĩnh vực của người thứ nhất" } });
  });
});
