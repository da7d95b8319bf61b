// Property-based test of every route of app/api/v1, its handler called directly with generated
// requests (path ids, query strings, JSON bodies, multipart uploads of broken tables) as the demo
// user allowed to use it: never a 5xx; a refusal is JSON with a clear Vietnamese `error`; a refused
// request — and any read — leaves the database as it was (a digest of the route's tables before
// and after every request); a file is always an attachment. requireActor is the only stand-in:
// it needs Next's request context (the real sign-in is fuzzed over HTTP in tests/e2e/fuzz-api.test.ts
// and by `npm run fuzz`, which also runs 10,000 requests per route).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { UnauthenticatedError } from "@/lib/errors";
import { fuzzRuns } from "../../scripts/lib/fuzz/arbitraries";
import {
  CATALOGUE,
  materialize,
  method,
  pattern,
  recordReply,
  replyOf,
  tallyLine,
  toRequest,
  writes,
  type Known,
  type Tally,
} from "../../scripts/lib/fuzz/api-catalogue";
import { fingerprint, prepareFuzzData } from "../../scripts/lib/fuzz/fixtures";
import { actorFor } from "../support/actors";
import { testDb } from "../support/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/guard", () => ({
  requireActor: async () => {
    if (!session.actor) throw new UnauthenticatedError();
    return session.actor;
  },
}));
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => session.actor }));

const ROOT = path.resolve(import.meta.dirname, "../..");
const RUNS = fuzzRuns(150);
const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), "fuzz-evidence-"));
process.env.EVIDENCE_DIR = evidenceDir;

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });
}

let known: Known;
const tallies: Tally[] = [];

beforeAll(async () => {
  known = await prepareFuzzData(testDb, evidenceDir);
});
afterAll(() => {
  console.log(`fuzz-api (direct): ${tallies.reduce((n, t) => n + t.inputs, 0)} requests\n${tallies.map(tallyLine).join("\n")}`);
  fs.rmSync(evidenceDir, { recursive: true, force: true });
});

describe("every route of app/api/v1 with generated requests", () => {
  it("lists every route and method of app/api/v1 in the fuzz catalogue", async () => {
    const found: string[] = [];
    for (const file of routeFiles(path.join(ROOT, "app/api/v1"))) {
      const module = (await import(file)) as Record<string, unknown>;
      const route = `/${path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/")}`;
      for (const name of METHODS) if (typeof module[name] === "function") found.push(`${name} ${route}`);
    }
    expect(found.sort()).toEqual(CATALOGUE.map((e) => e.route).sort());
  });

  it.each(CATALOGUE.map((e) => [e.route, e] as const))("%s", { timeout: 600_000 }, async (route, endpoint) => {
    session.actor = endpoint.actor ? await actorFor(endpoint.actor) : null;
    const module = (await import(path.join(ROOT, "app", pattern(endpoint), "route.ts"))) as Record<string, Handler>;
    const handler = module[method(endpoint)];
    const tally: Tally = { route, inputs: 0, byStatus: {}, accepted: 0, ms: 0 };
    const started = performance.now();
    let before = await fingerprint(testDb, endpoint.tables);
    await fc.assert(
      fc.asyncProperty(endpoint.requests(known, false), async (generated) => {
        const request = await materialize(generated);
        const response = await handler(new NextRequest(toRequest("http://localhost", endpoint, request)), {
          params: Promise.resolve(request.params),
        });
        const reply = await replyOf(response);
        recordReply(tally, reply);
        const after = await fingerprint(testDb, endpoint.tables);
        const acceptedWrite = writes(endpoint) && reply.status < 400;
        if (acceptedWrite) tally.accepted++;
        else if (after !== before) throw new Error(`status ${reply.status} but the database changed: ${reply.text.slice(0, 200)}`);
        before = after;
      }),
      { numRuns: RUNS },
    );
    tally.ms = performance.now() - started;
    tallies.push(tally);
  });
});
