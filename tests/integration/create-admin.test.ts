// `npm run create-admin` on an existing database: the account and its audit row are written in
// one transaction (README, "Audit log"), and a second run for the same e-mail changes nothing.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDb } from "../support/db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EMAIL = "quantri.moi@example.gov.vn";

function createAdmin() {
  return spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/create-admin.ts", "--email", EMAIL, "--name", "Quản trị mới"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ADMIN_PASSWORD: "mat-khau-du-dai-2026", SEED_DEMO: "0" },
  });
}

describe("create-admin", () => {
  it("creates the administrator with its audit row, once", async () => {
    const first = createAdmin();
    expect(first.status, first.stderr).toBe(0);
    const user = await testDb.user.findUniqueOrThrow({ where: { email: EMAIL } });
    expect(user.role).toBe("ADMIN");
    const audit = await testDb.auditLog.findMany({ where: { action: "user.create", entityId: String(user.id) } });
    expect(audit).toEqual([
      expect.objectContaining({ actorEmail: "create-admin", actorId: null, entityType: "User", newValue: { email: EMAIL, role: "ADMIN" } }),
    ]);

    const again = createAdmin();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`Đã có tài khoản ${EMAIL}`);
    expect(await testDb.user.count({ where: { email: EMAIL } })).toBe(1);
    expect(await testDb.auditLog.count({ where: { action: "user.create", entityId: String(user.id) } })).toBe(1);
  });
});
