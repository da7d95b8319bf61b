// `npm run documents:measure`: how long the ranking annex of 150 agencies (8 fields, 3 peer groups)
// takes to write as DOCX and as PDF, from its data (the query is the period page's, measured by
// `npm run bench`). Budget: under 2 seconds each. Prints the median of 5 runs after a warm-up.
import { rankingAnnexDocument } from "../lib/documents/ranking-annex";
import { defaultSettings } from "../lib/documents/letterhead";
import type { AnnexData } from "../lib/documents/types";
import { renderDocx } from "../lib/io/document/docx";
import { renderPdf } from "../lib/io/document/pdf";

const AGENCIES = 150;
const BUDGET_SECONDS = 2;
const fields = Array.from({ length: 8 }, (_, i) => ({ id: i + 1, code: String(i + 1), name: `Field ${i + 1}` }));
// A fixed pseudo-random sequence: the same data every run.
let state = 7;
const random = () => {
  state = (state * 48271) % 2147483647;
  return state / 2147483647;
};
const data: AnnexData = {
  year: 2025,
  provinceName: "An Giang",
  published: true,
  fields,
  agencies: Array.from({ length: AGENCIES }, (_, i) => {
    const fieldPoints = Object.fromEntries(fields.map((f) => [f.id, Math.round(random() * 1250) / 100]));
    const total = Math.round(Object.values(fieldPoints).reduce((a, b) => a + b, 0) * 100) / 100;
    return {
      name: `Agency ${i + 1}`,
      peerGroup: ["A", "B", "C"][i % 3],
      fieldPoints,
      finalTotal: total,
      maximum: 100,
      classification: total >= 80 ? "A" : "B",
    };
  }),
};
const document = rankingAnnexDocument(data, defaultSettings({ nameVi: "An Giang", kind: "PROVINCE" }), "2026-01-15");

async function median(write: () => Promise<Uint8Array>) {
  await write();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    bytes = (await write()).length;
    times.push((performance.now() - started) / 1000);
  }
  return { seconds: times.sort((a, b) => a - b)[2], bytes };
}

const results = { docx: await median(() => renderDocx(document)), pdf: await median(() => renderPdf(document)) };
for (const [format, r] of Object.entries(results))
  console.log(`${format}: ${r.seconds.toFixed(2)} s (median of 5), ${Math.round(r.bytes / 1024)} kB, ${AGENCIES} agencies`);
if (Object.values(results).some((r) => r.seconds > BUDGET_SECONDS)) {
  console.error(`over the budget of ${BUDGET_SECONDS} s`);
  process.exitCode = 1;
}
