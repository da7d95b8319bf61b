// A user's choice of language is saved on their account, audited with its old and new value,
// and read back with the actor on every request (lib/auth/load-actor.ts), so it follows them to
// another browser and survives signing out and in again.
import { describe, expect, it } from "vitest";

const { saveUserLocale } = await import("@/lib/preferences/mutations");
const { resolveLocale } = await import("@/lib/i18n/config");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

const auditRows = (userId: number) =>
  testDb.auditLog.findMany({ where: { action: "user.locale", entityType: "User", entityId: String(userId) }, orderBy: { id: "asc" } });

describe("the saved language of a user", () => {
  it("is empty until the user chooses: the cookie (or Vietnamese) decides", async () => {
    const leader = await actorFor("lanhdao@demo.local");
    expect(leader.locale).toBeNull();
    expect(resolveLocale(leader.locale, undefined)).toBe("vi");
    expect(resolveLocale(leader.locale, "en")).toBe("en");
  });

  it("is saved and audited, and comes back with the actor, over any cookie", async () => {
    const leader = await actorFor("lanhdao@demo.local");
    await saveUserLocale(leader, "en");
    const again = await actorFor("lanhdao@demo.local");
    expect(again.locale).toBe("en");
    expect(resolveLocale(again.locale, "vi")).toBe("en");
    const rows = await auditRows(leader.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorEmail: "lanhdao@demo.local", oldValue: { locale: null }, newValue: { locale: "en" } });
  });

  it("writes nothing when the choice does not change, and audits each real change", async () => {
    const leader = await actorFor("lanhdao@demo.local");
    await saveUserLocale(leader, "en");
    expect(await auditRows(leader.id)).toHaveLength(1);
    await saveUserLocale(leader, "vi");
    const rows = await auditRows(leader.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ oldValue: { locale: "en" }, newValue: { locale: "vi" } });
    expect((await actorFor("lanhdao@demo.local")).locale).toBe("vi");
  });

  it("is one user's own: another account keeps its own", async () => {
    expect((await actorFor("noivu@demo.local")).locale).toBeNull();
  });
});
