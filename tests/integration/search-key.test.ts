// Search without diacritics (lib/search.ts): PostgreSQL's key (the migration's trigger) and the
// key of what is typed must be the same function, letter by letter; the account and agency lists
// find "Trần" from "tran" and "Sở Tư pháp" from "so tu phap", and the key follows every write.
import { beforeAll, describe, expect, it } from "vitest";
import { listAccounts } from "@/lib/accounts/queries";
import { createAgency, updateAgency } from "@/lib/agencies/mutations";
import { listAgencies } from "@/lib/agencies/queries";
import type { Actor } from "@/lib/auth/policy";
import { MARKED, PLAIN, searchContains, searchKey } from "@/lib/search";
import { actorFor } from "../support/actors";
import { testDb } from "../support/db";

let admin: Actor;
let staff: Actor;
beforeAll(async () => {
  admin = await actorFor("quantri@demo.local");
  staff = await actorFor("noivu@demo.local");
});

const sqlKey = async (text: string) => (await testDb.$queryRaw<{ key: string }[]>`SELECT search_key(${text}) AS key`)[0].key;

describe("the search key", () => {
  it("is the same in PostgreSQL and in lib/search.ts for every Vietnamese letter, composed or not, and leaves others alone", async () => {
    expect([...MARKED]).toHaveLength(PLAIN.length);
    const samples = [
      MARKED,
      MARKED.normalize("NFD"),
      "Trần Thị Ánh Nguyệt",
      "ĐẶNG VĂN ĐỨC",
      "Sở Nội vụ tỉnh Đắk Lắk",
      "Phường Hòa Xuân (Đà Nẵng) — số 2",
      "noivu+Ủy-ban@demo.local",
      "  dấu  cách  ",
      "",
    ];
    for (const text of samples) expect(await sqlKey(text), text).toBe(searchKey(text));
    expect(searchKey(MARKED)).toBe(PLAIN.toLowerCase());
    expect(searchKey("Trần Thị Ánh Nguyệt")).toBe("tran thi anh nguyet");
    expect(searchKey("ĐẶNG VĂN ĐỨC".normalize("NFD"))).toBe("dang van duc");
    expect(searchContains("Tỷ lệ 50%_Đạt\\")).toBe("ty le 50\\%\\_dat\\\\");
  });

  it("is kept on every write of an account's name or e-mail, and cannot be written to say something else", async () => {
    const user = await testDb.user.create({ data: { email: "Khoa.Lê@demo.local", name: "Lê Văn Khoa", role: "LEADER" } });
    const read = () => testDb.user.findUniqueOrThrow({ where: { id: user.id }, select: { searchKey: true } });
    expect((await read()).searchKey).toBe("le van khoa khoa.le@demo.local");
    await testDb.user.update({ where: { id: user.id }, data: { name: "Lê Thị Hồng" } });
    expect((await read()).searchKey).toBe("le thi hong khoa.le@demo.local");
    // Written directly, the key is computed again: it never says something the row does not.
    await testDb.user.update({ where: { id: user.id }, data: { searchKey: "sai" } });
    expect((await read()).searchKey).toBe("le thi hong khoa.le@demo.local");
    await testDb.user.delete({ where: { id: user.id } });
  });
});

describe("the account and agency lists, searched without diacritics", () => {
  it("finds accounts by name or e-mail, typed with or without marks, in any case", async () => {
    const names = async (q: string) => (await listAccounts(admin, { q })).rows.map((row) => row.name);
    for (const q of ["Sở Nội vụ An Giang", "so noi vu an giang", "SO NOI VU", "sở nội VỤ"]) {
      expect(await names(q), q).toContain("Chuyên viên Sở Nội vụ An Giang");
    }
    expect(await names("NOIVU@DEMO")).toContain("Chuyên viên Sở Nội vụ An Giang");
    // The key drops marks, never letters: "tư pháp" is not "tu phap x".
    expect(await names("so tu phap an giang x")).toEqual([]);
    // LIKE's wildcards are what they say: "%" and "_" match those characters only.
    expect(await names("%")).toEqual([]);
    expect(await names("_")).toEqual([]);
    const underscored = await testDb.user.create({ data: { email: "le_van_a%@demo.local", name: "Lê Văn A", role: "LEADER" } });
    expect(await names("LE_VAN_A%")).toEqual(["Lê Văn A"]);
    expect(await names("le_van_a\\")).toEqual([]);
    await testDb.user.delete({ where: { id: underscored.id } });
    // The reach of the searcher stays: An Giang's staff never find Hà Nội's accounts.
    expect((await listAccounts(staff, { q: "ha noi" })).rows.filter((row) => row.provinceCode === "01")).toEqual([]);
  });

  it("finds agencies by code, name or short name, and a renamed agency by its new name at once", async () => {
    const created = await createAgency(staff, { code: "ttpv-hcc", name: "Trung tâm Phục vụ hành chính công", shortName: "TTPVHCC", kind: "DEPARTMENT" });
    const codes = async (q: string) => (await listAgencies(staff, { q })).rows.map((row) => row.code);
    expect(await codes("trung tam phuc vu")).toContain("TTPV-HCC");
    expect(await codes("Trung Tâm Phục Vụ Hành Chính")).toContain("TTPV-HCC");
    expect(await codes("TTPV-HCC")).toContain("TTPV-HCC");
    expect(await codes("ttpvhcc")).toContain("TTPV-HCC");
    await updateAgency(staff, created.id, { name: "Trung tâm Hành chính công tỉnh", version: created.version });
    expect(await codes("hanh chinh cong tinh")).toContain("TTPV-HCC");
    expect(await codes("phuc vu")).not.toContain("TTPV-HCC");
  });
});
