// `npm start`'s web server in several processes (scripts/next-cluster.mjs): a stop sent to the whole
// process group, as Ctrl-C in a terminal and the tests' and the bench's kill send it, reaches each
// worker twice (the group's, then the primary's). Every process must still end through its close
// (scripts/web-server.mjs), not through the second signal's default action, which ended a worker at
// once. Seen here through `--cpu-prof`, which writes a process's profile only on that path: the
// bench's `--cpu-prof` gave the primary's profile alone before.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { startPortalServer } from "../../scripts/lib/throwaway-portal";
import { createDatabase } from "../support/postgres";

describe("the web server in two processes", () => {
  it("answers, and a stop sent to the process group ends the primary and both workers through their close", async () => {
    const databaseUrl = await createDatabase(inject("cluster"));
    const profiles = fs.mkdtempSync(path.join(os.tmpdir(), "portal-cpu-profiles-"));
    const server = await startPortalServer({
      databaseUrl,
      cluster: true,
      env: { WEB_CONCURRENCY: "2" },
      // A sample every 100 ms, not every 1: only that each process writes its profile is read, and
      // the three processes took 8.8 CPU-seconds with the default, 7.0 with this.
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profiles}`, "--cpu-prof-interval=100000"],
    });
    try {
      for (let i = 0; i < 4; i++) expect((await fetch(`${server.baseUrl}/xep-hang`)).status).toBe(200);
    } finally {
      await server.kill();
    }
    const written = fs.readdirSync(profiles).filter((name) => name.endsWith(".cpuprofile"));
    fs.rmSync(profiles, { recursive: true, force: true });
    expect(written).toHaveLength(3);
  });
});
