// `npm run documents:render`: writes every document (DOCX and PDF) from the demo data of a
// throwaway database into .tmp/documents/, and renders each page to PNG to be looked at: the PDF
// with poppler's pdftoppm, the DOCX through LibreOffice (converted to PDF, then pdftoppm), so the
// Word file is seen as an office suite lays it out. Both come from Debian: installed with apt-get
// when missing (as root; otherwise the script says what to install). Not part of `npm test`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startThrowawayDatabase } from "./lib/throwaway-portal";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, ".tmp", "documents");
const has = (command: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

function install(command: string, pkg: string) {
  if (has(command)) return;
  apt(pkg);
}

function apt(pkg: string) {
  if (process.getuid?.() !== 0) {
    console.error(`${pkg} is missing: apt-get install ${pkg}`);
    process.exit(2);
  }
  console.log(`• apt-get install ${pkg}`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", pkg], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

install("pdftoppm", "poppler-utils");
install("soffice", "libreoffice-writer-nogui");
// LibreOffice lays the DOCX out in Times New Roman's metric twin, as Word would in Times New Roman.
if (!execFileSync("fc-list", [":family"], { encoding: "utf8" }).includes("Liberation Serif")) apt("fonts-liberation2");

await import("./lib/server-process.mjs");
const database = await startThrowawayDatabase({ demo: true });
process.env.DATABASE_URL = database.url;
try {
  const { sheetDocument, rankingAnnex, directiveReport, leaderSummary, render } = await import("../lib/documents/queries");
  const { loadActor } = await import("../lib/auth/load-actor");
  const actor = async (email: string) => (await loadActor(database.db, { email }))!;
  const [staff, head, leader] = await Promise.all(["noivu", "thutruong", "lanhdao"].map((u) => actor(`${u}@demo.local`)));
  const stp = await database.db.assessment.findFirstOrThrow({ where: { agency: { code: "STP", provinceId: staff.provinceId! }, period: { year: 2025 } } });
  const directive = await database.db.directive.findFirstOrThrow({ where: { province: { code: { in: ["89", "91"] } }, tasks: { some: {} } } });
  const documents = {
    "1-tu-danh-gia": await sheetDocument(head, "self-assessment", stp.id),
    "2-thong-bao-tham-dinh": await sheetDocument(staff, "appraisal-notice", stp.id),
    "3-phu-luc-xep-hang": await rankingAnnex(staff, stp.periodId),
    "4-bao-cao-van-ban": await directiveReport(staff, directive.id, null),
    "5-tom-tat-lanh-dao": await leaderSummary(leader, "91", 2025),
  };
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  for (const [name, document] of Object.entries(documents)) {
    for (const format of ["pdf", "docx"] as const) {
      const file = path.join(OUT, `${name}.${format}`);
      fs.writeFileSync(file, (await render(document, format)).body);
      let pdf = file;
      if (format === "docx") {
        // LibreOffice writes <name>.pdf: kept apart from ours.
        const dir = path.join(OUT, "libreoffice");
        execFileSync("soffice", ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore" });
        pdf = path.join(dir, `${name}.pdf`);
      }
      execFileSync("pdftoppm", ["-r", "60", "-png", pdf, path.join(OUT, `${name}-${format}`)]);
    }
  }
  const pictures = fs.readdirSync(OUT).filter((f) => f.endsWith(".png"));
  console.log(`${pictures.length} pages rendered in ${path.relative(ROOT, OUT)}/:\n${pictures.sort().join("\n")}`);
} finally {
  await database.remove();
}
