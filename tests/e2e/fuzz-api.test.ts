// The API fuzz over real HTTP against `next start`, with real sessions (signed in through the
// login page): the whole stack — proxy, body parsing, cookies, the handlers — answers generated
// requests without a 5xx, refusals are JSON with a clear Vietnamese `error`, files are
// attachments. This run is "safe": writes are sent by a user they refuse and imports are dry runs (the database-unchanged check is
// in tests/integration/fuzz-api.test.ts and `npm run fuzz`, which also sends 10,000 per route).
import fc from "fast-check";
import type { APIRequestContext } from "playwright-core";
import { afterAll, describe, it } from "vitest";
import { fuzzRuns } from "../../scripts/lib/fuzz/arbitraries";
import {
  CATALOGUE,
  materialize,
  method,
  recordReply,
  replyOf,
  tallyLine,
  toRequest,
  writes,
  type Known,
  type Reply,
  type Tally,
} from "../../scripts/lib/fuzz/api-catalogue";
import { signIn } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, browser } = await e2e();
const RUNS = fuzzRuns(40);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
// Ids of the seeded demo data, guessed (this suite cannot read the database); unknown ones are fine.
const KNOWN: Known = {
  criterionScores: range(1, 400),
  lockedCriterionScores: range(1, 350),
  periods: range(1, 6),
  lockedPeriods: [1],
  assessments: range(1, 30),
  frameworks: range(1, 12),
  foreignFrameworks: range(1, 4),
  directives: range(1, 40),
  evidence: range(1, 10),
  directiveFiles: range(1, 10),
};

const sessions = new Map<string, APIRequestContext>();
const tallies: Tally[] = [];

async function session(email: string): Promise<APIRequestContext> {
  if (!sessions.has(email)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, email);
    await page.waitForURL(/\/trang-chu$/);
    sessions.set(email, context.request);
  }
  return sessions.get(email)!;
}

async function send(sender: APIRequestContext | null, request: Request): Promise<Reply> {
  const data = request.method === "GET" ? undefined : Buffer.from(await request.arrayBuffer());
  const headers: Record<string, string> = {};
  const type = request.headers.get("content-type");
  if (type && data) headers["content-type"] = type;
  if (!sender) {
    return replyOf(await fetch(request.url, { method: request.method, headers, body: data, redirect: "manual" }));
  }
  const response = await sender.fetch(request.url, { method: request.method, headers, data, maxRedirects: 0, failOnStatusCode: false });
  return {
    status: response.status(),
    contentType: response.headers()["content-type"] ?? "",
    disposition: response.headers()["content-disposition"] ?? null,
    text: await response.text(),
  };
}

afterAll(() => {
  console.log(`fuzz-api (HTTP, e2e): ${tallies.reduce((n, t) => n + t.inputs, 0)} requests\n${tallies.map(tallyLine).join("\n")}`);
});

describe("every route of app/api/v1 over HTTP with generated requests", () => {
  it.each(CATALOGUE.map((e) => [e.route, e] as const))("%s", { timeout: 300_000 }, async (route, endpoint) => {
    const email = method(endpoint) === "GET" ? endpoint.actor : (endpoint.refusedActor ?? endpoint.actor);
    const sender = email ? await session(email) : null;
    const tally: Tally = { route, inputs: 0, byStatus: {}, accepted: 0, ms: 0 };
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(endpoint.requests(KNOWN, true), async (generated) => {
        const request = toRequest(baseUrl, endpoint, await materialize(generated));
        const reply = await send(sender, request);
        recordReply(tally, reply, request.url);
        if (writes(endpoint) && reply.status < 400) throw new Error(`a write was accepted in safe mode: ${reply.text.slice(0, 200)}`);
      }),
      { numRuns: RUNS },
    );
    tally.ms = performance.now() - started;
    tallies.push(tally);
  });
});
