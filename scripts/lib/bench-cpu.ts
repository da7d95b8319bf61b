// The CPU the portal's web processes use, read from /proc, for `npm run bench`: per request of a
// load, and to start each line from an idle server.
import fs from "node:fs";

/** CPU seconds used so far by a server's processes (the primary and its workers), from /proc; null where there is none. */
export function serverCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 per second).
    const ticks = (id: string) => {
      const fields = fs.readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1].split(" ");
      return Number(fields[11]) + Number(fields[12]);
    };
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return [String(pid), ...children].reduce((sum, id) => sum + ticks(id), 0) / 100;
  } catch {
    return null;
  }
}

/**
 * Waits (60 s at most) until the web processes are idle. Requests that timed out under load are still
 * being rendered after autocannon gave up on them, and would weigh on the next line's figures.
 */
export async function settle(pid: number): Promise<void> {
  for (let second = 0; second < 60; second++) {
    const before = serverCpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = serverCpuSeconds(pid);
    if (before === null || after === null || after - before < 0.1) return;
  }
}
