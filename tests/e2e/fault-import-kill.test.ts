// A scores import of 10,080 rows (112 agencies × 90 sub-criteria, one XLSX file) with `next start`
// killed by SIGKILL at each phase of the import, then restarted: the database holds either all the
// rows with all their audit rows, or none. The 100,080-row version is `npm run fault:import-kill`.
// Own server and throwaway PostgreSQL (scripts/lib/import-kill.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCompletely, KILL_POINTS, prepareImportKill, runImportKill, type ImportKillBench } from "../../scripts/lib/import-kill";

let bench: ImportKillBench;

beforeAll(async () => {
  bench = await prepareImportKill({ agencies: 112 });
});
afterAll(() => bench?.close());

describe("an import of 10,080 scores killed midway", () => {
  it.each(KILL_POINTS)("killed at %s: after restart all of it or none of it", async (point) => {
    const run = await runImportKill(bench, point);
    console.log(
      `${point}: giết sau ${run.killedAfterMs} ms (${run.observed}) → ${run.outcome}: ${run.scoresWritten} điểm, ${run.auditRows} dòng nhật ký; ` +
        `khởi động lại ${run.restartMs} ms`,
    );
    expect(run.outcome).not.toBe("partial");
    // Nothing is committed before COMMIT, everything once COMMIT is sent; a kill just before
    // COMMIT may land on either side of it.
    if (point === "after-commit") expect(run.outcome).toBe("all");
    else if (point !== "before-commit") expect(run.outcome).toBe("none");
  });

  it("then imports the same file completely", async () => {
    const result = await importCompletely(bench);
    expect(result).toMatchObject({ status: 200, scoresWritten: bench.dataset.rows, auditRows: bench.dataset.rows });
  });
});
