// The authorization matrix: every role (and signed out) × every route handler and server action ×
// data of the actor's own agency, own province, a unit it was formed from, another province and
// national data, as listed in tests/support/endpoints.ts. The expectation comes from the permission
// table (lib/auth/policy.ts): allowed → the call succeeds; denied → 403 (401 signed out) and the
// database and the evidence folder are exactly as before; an accepted write leaves an audit row. The real entry points run: route handlers
// with a Request, server actions with FormData; only the session lookup (requireActor) and Next's
// revalidatePath/redirect and the request's headers (the portal's address in an invitation link,
// the client's address for throttling), which need a request context, are replaced.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/policy";

process.env.EVIDENCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "authz-evidence-"));

const probe = vi.hoisted(() => ({ actor: null as Actor | null, error: undefined as unknown }));

vi.mock("@/lib/auth/guard", async () => {
  const { UnauthenticatedError } = await import("@/lib/errors");
  return {
    requireActor: async () => {
      if (!probe.actor) throw new UnauthenticatedError();
      return probe.actor;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost", "x-forwarded-for": "10.99.0.1" }) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  },
}));
// Keeps the error a server action turned into its { ok: false } answer, for its HTTP status.
vi.mock("@/lib/api/server-action", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/api/server-action")>();
  return {
    ...real,
    // biome-ignore lint/suspicious/noConfusingVoidType: the same signature as lib/api/server-action.ts's runAction.
    runAction: <T>(work: () => Promise<{ message?: string; data?: T } | void>) =>
      real.runAction(async () => {
        try {
          return await work();
        } catch (error) {
          probe.error = error;
          throw error;
        }
      }),
  };
});

const { PERMISSIONS } = await import("@/lib/auth/policy");
const { ENDPOINTS, ROLES, expected } = await import("../support/endpoints");
const { FIXTURES, ROOT, buildWorld, databaseFingerprint, sheet, storedEvidence } = await import("../support/authz-fixtures");
const { testDb } = await import("../support/db");
const { getAssessmentSheet } = await import("@/lib/assessments/queries");
const { actorFor } = await import("../support/actors");
type Role = (typeof ROLES)[number];
type Caller = import("../support/authz-fixtures").Caller;
type Fields = import("../support/authz-fixtures").Fields;
type Outcome = import("../support/authz-fixtures").Outcome;
type World = import("../support/authz-fixtures").World;

// ───────────────────────── Discovery: what exists in the code ─────────────────────────

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** Names a module exports, read from its source (functions, constants, destructured constants, export lists). */
function exportedNames(source: string): string[] {
  const names = [...source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g), ...source.matchAll(/export\s+(?:const|let|var)\s+(\w+)/g)].map((m) => m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}/g)) names.push(...m[1].split(",").map((n) => n.split(":").pop()!.trim()));
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
    names.push(
      ...m[1].split(",").map((n) =>
        n
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      ),
    );
  return names.filter(Boolean);
}

function filesUnder(dir: string, match: (file: string) => boolean): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(dir, file).split(path.sep).join("/"))
    .filter((file) => !file.includes("node_modules") && match(file));
}

function discoverRoutes(): string[] {
  return filesUnder("app", (f) => /\/route\.(ts|tsx|js)$/.test(f)).flatMap((file) => {
    const pattern = `/${path.posix
      .dirname(file)
      .replace(/^app\//, "")
      .replace(/\/\([^)]*\)/g, "")}`;
    return exportedNames(fs.readFileSync(path.join(ROOT, file), "utf8"))
      .filter((name) => HTTP_METHODS.includes(name))
      .map((method) => `${method} ${pattern}`);
  });
}

const USE_SERVER = /^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

function discoverActions(): string[] {
  const sources = ["app", "components", "lib"].flatMap((dir) => filesUnder(dir, (f) => /\.(ts|tsx)$/.test(f) && !f.startsWith("lib/db/generated")));
  return sources
    .filter((file) => USE_SERVER.test(fs.readFileSync(path.join(ROOT, file), "utf8")))
    .flatMap((file) => exportedNames(fs.readFileSync(path.join(ROOT, file), "utf8")).map((name) => `${file}#${name}`));
}

// ───────────────────────── Calling the entry points ─────────────────────────

function formData(fields: Fields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) form.append(name, v);
    else form.append(name, value instanceof File ? value : String(value));
  }
  return form;
}

const caller: Caller = {
  async action(id, fields) {
    const [file, name] = id.split("#");
    const module = (await import(path.join(ROOT, file))) as Record<
      string,
      (state: unknown, form: FormData) => Promise<{ ok: boolean; error?: string; issues?: { message: string }[] }>
    >;
    probe.error = undefined;
    try {
      const result = await module[name](null, formData(fields));
      if (result.ok) return { status: "ok" };
      const status = (probe.error as { status?: number } | undefined)?.status;
      return { status: typeof status === "number" ? status : 500, message: result.error, issues: result.issues };
    } catch (error) {
      // Next's redirect after a successful save.
      if (String((error as { digest?: string }).digest).startsWith("NEXT_REDIRECT")) return { status: "ok" };
      throw error;
    }
  },
  async route(id, { params = {}, query = "", json, form }) {
    const [method, pattern] = id.split(" ");
    const module = (await import(path.join(ROOT, "app", pattern, "route.ts"))) as Record<string, (request: NextRequest, context: unknown) => Promise<Response>>;
    const url = `http://localhost${pattern.replace(/\[(\w+)\]/g, (_, key: string) => String(params[key]))}${query}`;
    const init = json !== undefined ? { body: JSON.stringify(json), headers: { "content-type": "application/json" } } : form ? { body: formData(form) } : {};
    const values = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
    const response = await module[method](new NextRequest(url, { method, ...init }), { params: Promise.resolve(values) });
    if (response.ok) return { status: "ok" };
    const body = (await response.json().catch(() => ({}))) as { error?: string; issues?: { message: string }[] };
    return { status: response.status, message: body.error, issues: body.issues };
  },
};

async function snapshot() {
  const dir = process.env.EVIDENCE_DIR!;
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  return { tables: await databaseFingerprint(), files };
}

// ───────────────────────── The matrix ─────────────────────────

let world: World;
const actors = {} as Record<Role, Actor>;
let checked = 0;

beforeAll(async () => {
  world = await buildWorld();
  const emails: Record<Role, string> = { ADMIN: "quantri", HOME_AFFAIRS: "noivu", LEADER: "lanhdao", AGENCY_HEAD: "thutruong" };
  for (const role of ROLES) actors[role] = await actorFor(`${emails[role]}@demo.local`);
});

afterAll(() => {
  fs.rmSync(process.env.EVIDENCE_DIR!, { recursive: true, force: true });
  console.log(`Authorization matrix: ${checked} combinations (role or signed out × entry point × unit) checked.`);
});

describe("the table of entry points", () => {
  const listed = new Set(ENDPOINTS.map((e) => e.id));

  it("lists every route handler under app/api", () => {
    const missing = discoverRoutes().filter((id) => !listed.has(id));
    expect(missing, "route handlers without an entry in tests/support/endpoints.ts").toEqual([]);
  });

  it("lists every exported server action, and server actions live in lib/**/actions.ts", () => {
    const actions = discoverActions();
    expect(actions.filter((id) => !/^lib\/.+\/actions\.ts#/.test(id))).toEqual([]);
    expect(
      actions.filter((id) => !listed.has(id)),
      "server actions without an entry in tests/support/endpoints.ts",
    ).toEqual([]);
  });

  it("lists nothing that no longer exists, and can exercise every entry that has cases", () => {
    const existing = new Set([...discoverRoutes(), ...discoverActions()]);
    expect(ENDPOINTS.filter((e) => !existing.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(ENDPOINTS.filter((e) => e.cases.length > 0 && !FIXTURES[e.id]).map((e) => e.id)).toEqual([]);
    expect(ENDPOINTS.filter((e) => e.cases.length === 0 && !e.note).map((e) => e.id)).toEqual([]);
    expect(Object.keys(FIXTURES).filter((id) => !listed.has(id))).toEqual([]);
  });
});

describe.each(ENDPOINTS.filter((e) => e.cases.length > 0).map((e) => [e.id, e] as const))("%s", (_id, entry) => {
  it.each(entry.cases.flatMap((c) => c.units.map((unit) => [c.name ? `${c.name}, ` : "", unit, c] as const)))(
    "%s%s data: every role and signed out as the table says",
    async (_name, unit, c) => {
      const fixture = FIXTURES[entry.id];
      // Refusals first, on one set of data they must leave as it was; each allowed call gets fresh data.
      const roles: (Role | null)[] = [null, ...ROLES];
      const ordered = [...roles].sort((a, b) => Number(expected(c, a, unit, PERMISSIONS) === "ok") - Number(expected(c, b, unit, PERMISSIONS) === "ok"));
      const problems: string[] = [];
      let call = await fixture(world, caller, unit, c.name);
      let used = false;
      // The state after a refused call is the state before the next one, as long as nothing ran in
      // between (refusals come first, and a fixture writes): that snapshot is reused, not taken again.
      let unchangedSince: Awaited<ReturnType<typeof snapshot>> | null = null;
      for (const role of ordered) {
        const want = expected(c, role, unit, PERMISSIONS);
        if (want === "ok" && used) {
          call = await fixture(world, caller, unit, c.name);
          unchangedSince = null;
        }
        probe.actor = role ? actors[role] : null;
        const before = entry.write ? (unchangedSince ?? (await snapshot())) : null;
        unchangedSince = null;
        let outcome: Outcome;
        try {
          outcome = await call();
        } catch (error) {
          outcome = { status: 500, message: `threw ${(error as Error).stack}` };
        }
        if (want === "ok") used = true;
        checked++;
        const who = role ?? "signed out";
        const got = `${outcome.status}${outcome.message ? ` (${outcome.message}${outcome.issues ? ` ${JSON.stringify(outcome.issues)}` : ""})` : ""}`;
        if (want === "refusedByRow") {
          if (outcome.status !== 400 || !outcome.issues?.length) problems.push(`${who}: expected a refusal of the file's rows (400), got ${got}`);
        } else if (outcome.status !== want) {
          problems.push(`${who}: expected ${want}, got ${got}`);
        }
        if (before && want === "ok" && outcome.status === "ok") {
          const after = await snapshot();
          if (after.tables.audit_log === before.tables.audit_log) problems.push(`${who}: an accepted write left no audit row`);
        } else if (before) {
          const after = await snapshot();
          const changed = Object.keys(after.tables).filter((table) => after.tables[table] !== before.tables[table]);
          if (changed.length > 0) problems.push(`${who}: a refused call changed the tables ${changed.join(", ")}`);
          if (JSON.stringify(after.files) !== JSON.stringify(before.files)) problems.push(`${who}: a refused call changed the evidence folder`);
          unchangedSince = after;
        }
      }
      expect(problems).toEqual([]);
    },
  );
});

it("tells a change of one row of one table from no change", async () => {
  const before = await databaseFingerprint();
  expect(await databaseFingerprint()).toEqual(before);
  // A failed sign-in: a table whose writes bump no data version (those would change a second table).
  const attempt = await testDb.loginAttempt.create({ data: { email: "khach@demo.local", ip: "203.0.113.9", succeeded: false } });
  const changed = await databaseFingerprint();
  await testDb.loginAttempt.delete({ where: { id: attempt.id } });
  expect(Object.keys(before).filter((table) => changed[table] !== before[table])).toEqual(["login_attempt"]);
  expect(await databaseFingerprint()).toEqual(before);
});

it("checked the whole matrix", () => {
  const size = ENDPOINTS.reduce((sum, e) => sum + e.cases.reduce((s, c) => s + c.units.length * (ROLES.length + 1), 0), 0);
  expect(checked).toBe(size);
});

// ───────────────────────── The appraisal council (issue 17) ─────────────────────────
// The demo agency head (Sở Tư pháp of An Giang) named to a period's council with sub-criterion 1.1.1:
// an assignment grants "assessment.appraise" on exactly that sub-criterion of that period's sheets,
// never on their own agency's sheet (conflict of interest), nor in another period or province.
describe("the council: an assignment reaches exactly its sub-criteria", () => {
  const member = () => actors.AGENCY_HEAD;
  const as = async (role: Role, work: () => Promise<Outcome>) => {
    probe.actor = actors[role];
    return work();
  };
  const versionOf = async (id: number) => (await testDb.criterionScore.findUniqueOrThrow({ where: { id } })).version;
  const leafB = async (s: { assessmentId: number; scoreId: number }) =>
    (await testDb.criterionScore.findFirstOrThrow({ where: { assessmentId: s.assessmentId, id: { not: s.scoreId } } })).id;
  const appraise = (scoreId: number, version: number) =>
    caller.action("lib/assessments/actions.ts#appraiseAction", { criterionScoreId: scoreId, version, score: "6", comment: "Hội đồng" });
  /** Refused with 403, and nothing changed: no table, no file. */
  const refused = async (role: Role, work: () => Promise<Outcome>) => {
    const before = await snapshot();
    const outcome = await as(role, work);
    expect(outcome.status, outcome.message).toBe(403);
    expect(await snapshot()).toEqual(before);
  };
  /** Accepted, with an audit row. */
  const accepted = async (role: Role, work: () => Promise<Outcome>) => {
    const before = await snapshot();
    const outcome = await as(role, work);
    expect(outcome.status, `${outcome.message} ${JSON.stringify(outcome.issues ?? [])}`).toBe("ok");
    expect((await snapshot()).tables.audit_log).not.toBe(before.tables.audit_log);
  };
  /** A sheet of the unit in round 1 whose period's council names the member with sub-criterion 1.1.1 (named by Home Affairs). */
  const assignedSheet = async (unit: "ownProvince" | "ownAgency") => {
    const s = await sheet(world, unit, "ROUND1", { selfScored: true });
    await accepted("HOME_AFFAIRS", () =>
      caller.action("lib/assessments/actions.ts#assignCouncilAction", {
        periodId: s.periodId,
        userId: member().id,
        criterionIds: [String(world.activeFramework[world.own].leafA)],
      }),
    );
    return s;
  };

  it("appraises, asks for an explanation and saves the sheet on an assigned sub-criterion", async () => {
    const s = await assignedSheet("ownProvince");
    await accepted("AGENCY_HEAD", () => appraise(s.scoreId, 0));
    await accepted("AGENCY_HEAD", async () =>
      caller.action("lib/assessments/actions.ts#requestExplanationAction", {
        criterionScoreId: s.scoreId,
        version: await versionOf(s.scoreId),
        request: "Bổ sung quyết định.",
      }),
    );
    const rows = JSON.stringify([{ criterionScoreId: s.scoreId, version: await versionOf(s.scoreId), score: "5", comment: "" }]);
    await accepted("AGENCY_HEAD", () => caller.action("lib/assessments/actions.ts#saveSheetAction", { assessmentId: s.assessmentId, kind: "appraisal", rows }));
    await accepted("AGENCY_HEAD", async () =>
      caller.route("PUT /api/v1/criterion-scores/[id]/appraisal", { params: { id: s.scoreId }, json: { score: 4, version: await versionOf(s.scoreId) } }),
    );
  });

  it("is refused on an unassigned sub-criterion of the same sheet, alone or in a sheet save", async () => {
    const s = await assignedSheet("ownProvince");
    const other = await leafB(s);
    await refused("AGENCY_HEAD", () => appraise(other, 0));
    await refused("AGENCY_HEAD", () => caller.route("PUT /api/v1/criterion-scores/[id]/appraisal", { params: { id: other }, json: { score: 4, version: 0 } }));
    await refused("AGENCY_HEAD", () =>
      caller.action("lib/assessments/actions.ts#requestExplanationAction", { criterionScoreId: other, version: 0, request: "Bổ sung." }),
    );
    const rows = JSON.stringify([
      { criterionScoreId: s.scoreId, version: 0, score: "5", comment: "" },
      { criterionScoreId: other, version: 0, score: "5", comment: "" },
    ]);
    await refused("AGENCY_HEAD", () => caller.action("lib/assessments/actions.ts#saveSheetAction", { assessmentId: s.assessmentId, kind: "appraisal", rows }));
  });

  it("accepts the self scores of the assigned rows only", async () => {
    const s = await assignedSheet("ownProvince");
    await accepted("AGENCY_HEAD", () => caller.action("lib/assessments/actions.ts#acceptSelfScoresAction", { assessmentId: s.assessmentId }));
    const round1 = async (id: number) => (await testDb.criterionScore.findUniqueOrThrow({ where: { id } })).round1Score;
    expect(Number(await round1(s.scoreId))).toBe(5);
    expect(await round1(await leafB(s))).toBeNull();
  });

  it("is refused in another period of the same agency, and in another province even with an assignment there", async () => {
    await assignedSheet("ownProvince");
    const otherPeriod = await sheet(world, "ownProvince", "ROUND1", { selfScored: true });
    await refused("AGENCY_HEAD", () => appraise(otherPeriod.scoreId, 0));
    const elsewhere = await sheet(world, "otherProvince", "ROUND1", { selfScored: true });
    // Written directly: Home Affairs of another province could not name them (the form refuses an account of another province).
    await testDb.councilAssignment.create({
      data: { periodId: elsewhere.periodId, userId: member().id, criterionId: world.activeFramework[world.other].criterionId },
    });
    await refused("AGENCY_HEAD", () => appraise(elsewhere.scoreId, 0));
  });

  it("conflict of interest: a member never appraises their own agency's sheet", async () => {
    const own = await assignedSheet("ownAgency");
    await refused("AGENCY_HEAD", () => appraise(own.scoreId, 0));
  });

  it("reads the assigned rows and their evidence only; staff the whole sheet", async () => {
    const s = await assignedSheet("ownProvince");
    const other = await leafB(s);
    const mine = await storedEvidence(s.scoreId);
    const notMine = await storedEvidence(other);
    await as("AGENCY_HEAD", () => caller.route("GET /api/v1/evidence/[id]", { params: { id: mine.id } })).then((o) => expect(o.status).toBe("ok"));
    await as("AGENCY_HEAD", () => caller.route("GET /api/v1/evidence/[id]", { params: { id: notMine.id } })).then((o) => expect(o.status).toBe(403));
    const seen = await getAssessmentSheet(member(), s.assessmentId);
    expect(seen.abilities.councilOnly).toBe(true);
    expect(seen.abilities.appraiseRound).toBe(1);
    expect(seen.criteria.map((c) => c.code)).toEqual(["1", "1.1", "1.1.1"]);
    expect(seen.finalTotal).toBeNull();
    const staff = await getAssessmentSheet(actors.HOME_AFFAIRS, s.assessmentId);
    expect(staff.criteria.filter((c) => c.score?.appraisable).map((c) => c.code)).toEqual(["1.1.1", "1.1.2"]);
    // Another period's sheet of the same agency stays closed to them.
    const otherPeriod = await sheet(world, "ownProvince", "ROUND1", { selfScored: true });
    await expect(getAssessmentSheet(member(), otherPeriod.assessmentId)).rejects.toMatchObject({ status: 403 });
  });

  it("names only active agency heads and leaders of the period's province", async () => {
    const s = await sheet(world, "ownProvince", "ROUND1", { selfScored: true });
    const name = (userId: number) =>
      caller.action("lib/assessments/actions.ts#assignCouncilAction", {
        periodId: s.periodId,
        userId,
        criterionIds: [String(world.activeFramework[world.own].fieldId)],
      });
    const stranger = await testDb.user.create({
      data: { email: "hoidong-hanoi@thu-quyen.local", name: "Người tỉnh khác", role: "AGENCY_HEAD", agencyId: world.otherAgency },
    });
    for (const userId of [actors.HOME_AFFAIRS.id, stranger.id]) {
      const before = await snapshot();
      const outcome = await as("HOME_AFFAIRS", () => name(userId));
      expect(outcome.status).toBe(400);
      expect(await snapshot()).toEqual(before);
    }
    await accepted("HOME_AFFAIRS", () => name(actors.LEADER.id));
  });
});
