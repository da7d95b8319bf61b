// The internal data version (migration *_internal_data_version), under which the web server keeps
// the signed-in pages as rendered (scripts/lib/signed-in-cache.mjs): a write to a table those pages
// show bumps it once per transaction, as the transaction commits (never before its data is
// visible, never for a rolled-back one), and a writer never waits for another to bump it.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { VERSION_QUERY } from "@/scripts/lib/signed-in-cache.mjs";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
afterAll(() => pool.end());

const internal = async () => BigInt((await pool.query("SELECT version FROM internal_data_version WHERE id = 1")).rows[0].version);
const pending = async () => Number((await pool.query("SELECT count(*) FROM internal_data_change")).rows[0].count);

describe("the internal data version", () => {
  it("is bumped once per writing transaction, when it commits, and not by a rolled-back one", async () => {
    const start = await internal();
    const writer = await pool.connect();
    try {
      await writer.query("BEGIN");
      await writer.query("UPDATE agency SET name = name WHERE id IN (SELECT id FROM agency LIMIT 3)");
      await writer.query("UPDATE directive SET issuer = issuer");
      await writer.query("INSERT INTO audit_log (actor_email, action, entity_type, entity_id) VALUES ('x@demo.local', 'agency.update', 'agency', '1')");
      // Not yet committed: other connections still read the old version (and the old data).
      expect(await internal()).toBe(start);
      await writer.query("COMMIT");
      expect(await internal()).toBe(start + 1n);

      await writer.query("BEGIN");
      await writer.query("UPDATE agency SET name = name");
      await writer.query("ROLLBACK");
      expect(await internal()).toBe(start + 1n);

      // A write undone with its savepoint is forgotten with it; the next write of the transaction counts.
      await writer.query("BEGIN");
      await writer.query("SAVEPOINT s");
      await writer.query("UPDATE agency SET name = name");
      await writer.query("ROLLBACK TO SAVEPOINT s");
      await writer.query("UPDATE target SET value = value");
      await writer.query("COMMIT");
      expect(await internal()).toBe(start + 2n);
    } finally {
      writer.release();
    }
    expect(await pending()).toBe(0);
    // A statement on its own is a transaction; it counts even when it writes no row (the triggers are per statement).
    await pool.query("UPDATE criterion_score SET version = version WHERE false");
    expect(await internal()).toBe(start + 3n);
  });

  it("is not bumped by a sign-in attempt or a password-reset request", async () => {
    const start = await internal();
    await pool.query("INSERT INTO login_attempt (email, ip, succeeded) VALUES ('x@demo.local', '127.0.0.1', false)");
    expect(await internal()).toBe(start);
  });

  it("lets writers run side by side: one holding its transaction open does not hold back another's write or commit", async () => {
    const start = await internal();
    const slow = await pool.connect();
    try {
      await slow.query("BEGIN");
      await slow.query("UPDATE agency SET name = name WHERE id = (SELECT min(id) FROM agency)");
      // Another transaction writes a table and commits while the first one is still open.
      const other = pool.query("UPDATE directive SET issuer = issuer");
      const waited = await Promise.race([other.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 5_000))]);
      expect(waited).toBe(false);
      expect(await internal()).toBe(start + 1n);
      await slow.query("COMMIT");
    } finally {
      slow.release();
    }
    expect(await internal()).toBe(start + 2n);
  });

  it("is read with the published-data version in one statement, as the web server reads it", async () => {
    const { rows } = await pool.query(VERSION_QUERY);
    expect(rows[0].version).toMatch(/^\d+\.\d+$/);
    expect(rows[0].version.split(".")[1]).toBe(String(await internal()));
  });
});
