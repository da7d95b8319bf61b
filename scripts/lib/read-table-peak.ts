// Child process of `npm run bench:import`: reads one table file as every import does (readTable)
// and prints the rows, the seconds and the peak resident memory of this process, file included.
import fs from "node:fs";
import { readTable } from "../../lib/io/table-file";

const file = process.argv[2]!;
const data = fs.readFileSync(file);
const started = performance.now();
const table = await readTable(data, file.endsWith(".csv") ? "csv" : "xlsx");
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ rows: table.rows.length, seconds, peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024) }));
