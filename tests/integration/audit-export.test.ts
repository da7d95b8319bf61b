// Issue 11, item 5: the audit export of a large log streams — bounded memory, the event loop
// keeps turning (other requests are answered meanwhile) — and one too large for a file is refused
// before anything is sent. 12,000 rows of about 3 kB, as a large score import leaves them.
import { monitorEventLoopDelay } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/policy";

process.env.AUDIT_EXPORT_MAX_BYTES = String(32 * 1024 * 1024);
const probe = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/guard", () => ({ requireActor: async () => probe.actor }));

const { GET } = await import("@/app/api/v1/audit/export/route");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

const ROWS = 12_000;
// Memory is judged on what stays reachable: the heap right after a collection.
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;
const MB = 1024 * 1024;

beforeAll(async () => {
  probe.actor = await actorFor("quantri@demo.local");
  const province = await testDb.province.findFirstOrThrow({ where: { code: "91", validTo: null } });
  // From 00:00 of 01/03/2026, Vietnam time: 6,000 rows on the 1st, 6,000 on the 2nd.
  await testDb.$executeRaw`
    INSERT INTO audit_log (actor_email, action, entity_type, entity_id, province_id, old_value, new_value, at)
    SELECT 'noivu@demo.local', 'criterionScore.import.self', 'CriterionScore', g::text, ${province.id},
           jsonb_build_object('selfScore', 1, 'selfComment', repeat('nhận xét cũ ', 100), 'criterion', '1.1.' || g),
           jsonb_build_object('selfScore', 2, 'selfComment', repeat('nhận xét mới ', 100), 'criterion', '1.1.' || g, 'row', g),
           timestamptz '2026-03-01 00:00:00+07' + (g - 1) * interval '14.4 seconds'
      FROM generate_series(1, ${ROWS}) g`;
});

/** Reads the whole answer while sampling what stays in memory and the event loop's delay. */
async function download(query: string) {
  const heap = () => {
    collect();
    return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  };
  const before = heap();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, heap())), 400);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const response = await GET(new NextRequest(`http://localhost/api/v1/audit/export${query}`));
  let bytes = 0;
  let lines = 0;
  const reader = response.body!.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.length;
    for (let at = chunk.value.indexOf(10); at !== -1; at = chunk.value.indexOf(10, at + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  clearInterval(sampler);
  const result = { status: response.status, bytes, lines, seconds, heapGrowthMb: (peak - before) / MB, maxLoopDelayMs: delay.max / 1e6 };
  console.log(
    `audit export ${query}: ${JSON.stringify({ ...result, heapGrowthMb: Math.round(result.heapGrowthMb), maxLoopDelayMs: Math.round(result.maxLoopDelayMs) })}`,
  );
  return result;
}

describe("the audit export of a large log", () => {
  it("streams a CSV of 6,000 rows in bounded memory while the event loop keeps turning", async () => {
    // A first export pays, once per process, for what every later one reuses (modules loaded on first
    // use, compiled code, the query compiler's memory): measured alone it was most of the growth
    // (19–25 MB), which hid what the bound is about, memory that grows with the file.
    await download("?format=csv&from=2026-03-02&to=2026-03-02");
    const result = await download("?format=csv&from=2026-03-01&to=2026-03-01");
    expect(result.status).toBe(200);
    expect(result.lines).toBe(6_000); // header + 6,000 rows, CRLF between them
    expect(result.bytes).toBeGreaterThan(20 * MB);
    // 3 MB here (quiet); a file held whole would be its 27 MB at least.
    expect(result.heapGrowthMb).toBeLessThan(10);
    // The export once held the event loop for seconds; a stream yields between small batches.
    expect(result.maxLoopDelayMs).toBeLessThan(1_000);
  });

  it("streams the same rows as XLSX the same way", async () => {
    const result = await download("?format=xlsx&from=2026-03-01&to=2026-03-01");
    expect(result.status).toBe(200);
    expect(result.bytes).toBeGreaterThan(100 * 1024);
    // exceljs keeps some of the sheet before its zip stream takes it: bounded, well below the workbook's XML.
    expect(result.heapGrowthMb).toBeLessThan(64);
    expect(result.maxLoopDelayMs).toBeLessThan(1_000);
  });

  it("refuses, before sending anything, an export heavier than a file may be (AUDIT_EXPORT_MAX_BYTES)", async () => {
    const response = await GET(new NextRequest("http://localhost/api/v1/audit/export?format=csv&from=2026-03-01&to=2026-03-02"));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/nặng khoảng \d+ MB, quá giới hạn 32 MB của một tệp: chọn khoảng ngày ngắn hơn/);
  });
});
