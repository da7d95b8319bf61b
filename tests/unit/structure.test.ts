// The layout the README's "Architecture" section describes, checked on every run:
//  - no import cycle between lib's folders;
//  - Prisma (its client, its generated code, the database client) only inside lib;
//  - in lib's domain folders, the same small vocabulary of file names: schema, types, queries,
//    mutations, actions — and any other file is a pure rule module named after its rule, which
//    reads no database, no session and no file (so that it can be unit-tested and imported anywhere);
//  - client components import no server-only module, not even for a type;
//  - authorization decided through the permission table: no comparison with a role outside lib/auth;
//  - no hand-written lib file over about 400 lines (440 as formatted).
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LIB = path.join(ROOT, "lib");

/** Folders of plumbing, named after the mechanism each wraps (i18n: next-intl); their files are free to do I/O. */
const INFRASTRUCTURE = ["api", "auth", "backup", "db", "i18n", "io", "jobs", "mail", "security", "storage", "validation"];
/** The file names of a domain folder that may read and write (the rest are pure rule modules). */
const ROLES = ["schema.ts", "types.ts", "queries.ts", "mutations.ts", "actions.ts"];
// "About 400": the formatter (Biome, 160 columns) writes long calls one argument per line, which
// took lib/frameworks/mutations.ts from 379 to 435 lines without a change of content.
const MAX_LINES = 440;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");
const read = (file: string) => fs.readFileSync(file, "utf8");

/** The lib file an import names, or null for a package (or a file outside lib). */
function resolveLib(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base?.startsWith(LIB + path.sep)) return null;
  return (
    [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), base].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? base
  );
}

const importsOf = (file: string) => ts.preProcessFile(read(file), true, true).importedFiles.map((imported) => imported.fileName);

/** lib/units/queries.ts → "units"; the core files at the top (lib/errors.ts) are each their own. */
function folderOf(file: string): string {
  const parts = path.relative(LIB, file).split(path.sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.tsx?$/, "");
}

const libFiles = sourceFiles(LIB);
const serverOnly = new Set(libFiles.filter((file) => /^import "server-only";/m.test(read(file))));

describe("the layout of lib", () => {
  it("has no import cycle between its folders", () => {
    const edges = new Map<string, Set<string>>();
    for (const file of libFiles) {
      for (const specifier of importsOf(file)) {
        const target = resolveLib(file, specifier);
        if (!target || folderOf(target) === folderOf(file)) continue;
        if (!edges.has(folderOf(file))) edges.set(folderOf(file), new Set());
        edges.get(folderOf(file))!.add(folderOf(target));
      }
    }
    const cycles: string[] = [];
    const visit = (folder: string, trail: string[]) => {
      if (trail.includes(folder)) {
        cycles.push([...trail.slice(trail.indexOf(folder)), folder].join(" → "));
        return;
      }
      for (const next of edges.get(folder) ?? []) visit(next, [...trail, folder]);
    };
    for (const folder of edges.keys()) visit(folder, []);
    expect([...new Set(cycles)], "import cycles between lib folders").toEqual([]);
  });

  it("names a domain folder's files from the vocabulary, and keeps every other file pure", () => {
    const problems: string[] = [];
    for (const file of libFiles) {
      const [folder] = path.relative(LIB, file).split(path.sep);
      if (path.dirname(file) === LIB || INFRASTRUCTURE.includes(folder) || ROLES.includes(path.basename(file))) continue;
      const source = read(file);
      if (/^import "server-only";/m.test(source) || /^["']use (server|client)["']/m.test(source))
        problems.push(`${rel(file)}: does I/O but is not named ${ROLES.join(", ")}`);
      for (const specifier of importsOf(file)) {
        const target = resolveLib(file, specifier);
        const io = /^(next($|\/)|node:(fs|child_process|net|http)|server-only$|@prisma\/)/.test(specifier) || (target !== null && serverOnly.has(target));
        if (io) problems.push(`${rel(file)}: a rule module imports ${specifier}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps every hand-written file under about 400 lines", () => {
    const long = libFiles.map((file) => [rel(file), read(file).split("\n").length] as const).filter(([, lines]) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});

describe("outside lib", () => {
  const appFiles = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))];

  it("nothing imports Prisma: pages and components go through lib", () => {
    const problems = appFiles.flatMap((file) =>
      [...read(file).matchAll(/^import\s+(?:type\s+)?(.*?)\s+from\s+"([^"]+)";/gms)]
        .filter(([, names, specifier]) => /^(@prisma\/|@\/lib\/db\/(generated|prisma))/.test(specifier) || /\b(db|Prisma|PrismaClient)\b/.test(names))
        .map(([statement]) => `${rel(file)}: ${statement}`),
    );
    expect(problems).toEqual([]);
  });

  it("client components import no server-only module, not even for a type", () => {
    const problems = appFiles
      .filter((file) => /^["']use client["']/m.test(read(file)))
      .flatMap((file) =>
        importsOf(file)
          .filter((specifier) => serverOnly.has(resolveLib(file, specifier) ?? ""))
          .map((specifier) => `${rel(file)}: ${specifier}`),
      );
    expect(problems).toEqual([]);
  });

  it("client components bring no module that words lib's messages into the browser", () => {
    // lib/i18n/lib-translator.ts carries lib's messages in both languages (≈ 28 kB gzip), and
    // lib/i18n/catalogue.ts every namespace: a client component that reaches one through a pure
    // module (as the profile's map and rank cells once did, through lib/units/lineage.ts and
    // lib/results/ranking-view.ts) ships it in the page's first-load JavaScript. A server action's
    // module is not bundled (the browser gets a reference), so the walk stops there.
    const catalogues = new Set([path.join(LIB, "i18n", "lib-translator.ts"), path.join(LIB, "i18n", "catalogue.ts")]);
    const valueImports = (file: string) =>
      [...read(file).matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;]*?\s+from\s+)?"([^"]+)";/gms)].map(([, specifier]) => specifier);
    const resolveSource = (from: string, specifier: string) => {
      const base = specifier.startsWith("@/")
        ? path.join(ROOT, specifier.slice(2))
        : specifier.startsWith(".")
          ? path.resolve(path.dirname(from), specifier)
          : null;
      return base && [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => fs.existsSync(candidate));
    };
    const chainTo = (file: string, seen: Set<string>): string[] | null => {
      if (catalogues.has(file)) return [rel(file)];
      if (seen.has(file) || /^["']use server["']/m.test(read(file))) return null;
      seen.add(file);
      for (const specifier of valueImports(file)) {
        const next = resolveSource(file, specifier);
        const chain = next ? chainTo(next, seen) : null;
        if (chain) return [rel(file), ...chain];
      }
      return null;
    };
    const problems = appFiles
      .filter((file) => /^["']use client["']/m.test(read(file)))
      .flatMap((file) => {
        const chain = chainTo(file, new Set());
        return chain ? [chain.join(" → ")] : [];
      });
    expect(problems).toEqual([]);
  });

  it("decides nothing by comparing roles: the permission table (lib/auth/policy.ts) does", () => {
    const comparison = /\brole\s*[!=]==|[!=]==\s*["'](ADMIN|HOME_AFFAIRS|AGENCY_HEAD|LEADER)["']|\.includes\(\w+\.role\)/;
    const problems = [...libFiles.filter((file) => !rel(file).startsWith("lib/auth/")), ...appFiles].flatMap((file) =>
      read(file)
        .split("\n")
        .flatMap((line, i) => (comparison.test(line) ? [`${rel(file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(problems).toEqual([]);
  });
});
