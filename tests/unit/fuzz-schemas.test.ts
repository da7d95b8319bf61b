// Property-based test of every zod schema exported by a lib/**/schema.ts, found by walking the
// folder (a new schema is fuzzed without touching this file). For generated input — malformed
// numbers, Vietnamese and mixed Unicode, very long text, wrong types, missing and extra fields —
// safeParse never throws; a rejection names every problem in Vietnamese; an accepted value keeps
// the invariants the database relies on (ids and versions fit an INT4, years 2000–2100, decimals
// fit a NUMERIC(7,2), no NaN, no invalid date, no text PostgreSQL cannot store).
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { fuzzRuns, isClearMessage } from "../../scripts/lib/fuzz/arbitraries";
import { arbitraryFor, isZodSchema } from "../../scripts/lib/fuzz/zod-arbitrary";

const ROOT = path.resolve(import.meta.dirname, "../..");
// npm test: 2,000 inputs per schema (about 5 s in all); npm run fuzz: FUZZ_RUNS=10000.
const RUNS = fuzzRuns(2_000);
const INT4_MAX = 2_147_483_647;

function schemaFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : schemaFiles(full);
    return entry.name === "schema.ts" ? [full] : [];
  });
}

const files = schemaFiles(path.join(ROOT, "lib"));
const modules = await Promise.all(files.map(async (file) => ({ file: path.relative(ROOT, file), exports: (await import(file)) as Record<string, unknown> })));
const schemas = modules.flatMap(({ file, exports }) =>
  Object.entries(exports)
    .filter(([, value]) => isZodSchema(value))
    .map(([name, schema]) => ({
      name: `${file}#${name}`,
      schema: schema as { safeParse: (input: unknown) => ZodResult; _zod: { def: { type: string; [k: string]: unknown } } },
    })),
);
type ZodResult = { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

const ID_KEY = /(^id$|Id$|^tinh$|^co-quan$)/;
const IDS_KEY = /Ids$/;
const VERSION_KEY = /^(version|revision)$/;
const YEAR_KEY = /(^year$|Year$|^nam$)/;
const YEARS_KEY = /^years$/;
const DECIMAL_LIMIT = 99_999.99; // NUMERIC(7,2), the widest decimal column

/** Every problem with an accepted value, as "path: what" (empty when it keeps the invariants). */
function invariantProblems(value: unknown, key = "", at = "(gốc)"): string[] {
  const here = (what: string) => [`${at}: ${what} (${String(value)})`];
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return here("không hữu hạn");
    if (ID_KEY.test(key) || IDS_KEY.test(key)) return Number.isInteger(value) && value >= 1 && value <= INT4_MAX ? [] : here("mã ngoài INT4 dương");
    if (VERSION_KEY.test(key)) return Number.isInteger(value) && value >= 0 && value <= INT4_MAX ? [] : here("phiên bản ngoài INT4");
    if (YEAR_KEY.test(key) || YEARS_KEY.test(key)) return Number.isInteger(value) && value >= 2000 && value <= 2100 ? [] : here("năm ngoài 2000–2100");
    return Math.abs(value) <= DECIMAL_LIMIT ? [] : here("số vượt NUMERIC(7,2)");
  }
  if (typeof value === "string") return value.includes("\u0000") || !value.isWellFormed() ? here("văn bản PostgreSQL không lưu được") : [];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? here("ngày không hợp lệ") : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => invariantProblems(item, key, `${at}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => invariantProblems(v, k, at === "(gốc)" ? k : `${at}.${k}`));
  return [];
}

/** Field names a message may use instead of Vietnamese words: the keys of the schema's input. */
function fieldNames(def: { type: string; [k: string]: unknown }): string[] {
  return def.type === "object" ? Object.keys(def.shape as object) : [];
}

const exercised = new Map<string, { runs: number; accepted: number; rejected: number }>();

describe("every zod schema of lib/**/schema.ts, with generated input", () => {
  it("finds the schemas (a schema file without any would be a mistake in this test)", () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const { file, exports } of modules) expect(Object.values(exports).some(isZodSchema), file).toBe(true);
  });

  it("every schema module takes z from lib/validation/zod (the Vietnamese fallback messages)", () => {
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      expect(source, path.relative(ROOT, file)).not.toMatch(/from "zod"/);
    }
  });

  it.each(schemas.map((s) => [s.name, s] as const))("%s", (name, { schema }) => {
    const counts = { runs: 0, accepted: 0, rejected: 0 };
    const names = fieldNames(schema._zod.def);
    fc.assert(
      fc.property(arbitraryFor(schema), (input) => {
        counts.runs++;
        let result: ZodResult;
        try {
          result = schema.safeParse(input);
        } catch (error) {
          throw new Error(`safeParse threw ${(error as Error)?.message}`);
        }
        if (result.success) {
          counts.accepted++;
          const problems = invariantProblems(result.data, name.split("#")[1].replace(/Schema$/, ""));
          if (problems.length > 0) throw new Error(`accepted but ${problems.join("; ")}`);
          return;
        }
        counts.rejected++;
        expect(result.error.issues.length).toBeGreaterThan(0);
        for (const issue of result.error.issues) {
          const top = String(issue.path[0] ?? "");
          if (!isClearMessage(issue.message, [...names, top]))
            throw new Error(`unclear message at ${issue.path.join(".") || "(root)"}: ${JSON.stringify(issue.message)}`);
        }
      }),
      { numRuns: RUNS },
    );
    exercised.set(name, counts);
  });

  afterAll(() => {
    // Visible in the test output and in `npm run fuzz`: how many inputs each schema got.
    const total = [...exercised.values()].reduce((sum, c) => sum + c.runs, 0);
    console.log(
      `fuzz-schemas: ${exercised.size} schemas × ${RUNS} inputs = ${total} (accepted/rejected per schema: ${[...exercised].map(([n, c]) => `${n.split("#")[1]} ${c.accepted}/${c.rejected}`).join(", ")})`,
    );
  });

  it("exercised every schema it found", () => {
    // Runs last (vitest keeps declaration order): a schema skipped or failed above is named here.
    const missing = schemas.map((s) => s.name).filter((name) => (exercised.get(name)?.runs ?? 0) < RUNS);
    expect(missing).toEqual([]);
  });
});

/** The keys of every object shape inside a schema (through pipes, optionals, arrays, unions, intersections). */
function shapeKeys(def: Record<string, unknown> | undefined, seen = new Set<unknown>()): string[] {
  if (!def || seen.has(def)) return [];
  seen.add(def);
  const inner = (schema: unknown) => shapeKeys((schema as { _zod?: { def: Record<string, unknown> } } | undefined)?._zod?.def, seen);
  return [
    ...(def.type === "object" ? Object.keys(def.shape as object) : []),
    ...["in", "out", "innerType", "schema", "element", "left", "right"].flatMap((key) => inner(def[key])),
    ...((def.options as unknown[] | undefined) ?? []).flatMap(inner),
  ];
}

describe("a value with a length that is not a number (found by the generator above)", () => {
  // zod runs length checks on anything with a `length`, even after "expected a string", and compares
  // it: `{"length": {"toString": ""}}`, which a JSON body can carry, made safeParse throw (a server
  // error). z.string() and z.array() now stop at the wrong type (lib/validation/z.ts). Tried here on
  // every field of every schema, as the value, inside an array and as the whole input.
  const tricky = { length: { toString: "" } };

  it.each(schemas.map((s) => [s.name, s] as const))("%s never throws on it", (_, { schema }) => {
    const keys = [...new Set(shapeKeys(schema._zod.def))];
    const inputs = [tricky, [tricky], ...keys.flatMap((key) => [{ [key]: tricky }, { [key]: [tricky] }])];
    for (const input of inputs) expect(() => schema.safeParse(input), JSON.stringify(Object.keys(input))).not.toThrow();
  });

  it("is refused as the wrong type, with no other issue for that field", async () => {
    const { optionalText, requiredText, maxLength } = await import("@/lib/validation/schema");
    const { z } = await import("@/lib/validation/zod");
    for (const schema of [
      optionalText("note", 2000),
      requiredText("fullName", 200),
      z.string().max(200, maxLength("search", 200)),
      z.string().trim().min(1).regex(/^a/),
      z.array(z.number()).min(1).max(3),
    ]) {
      const result = schema.safeParse(tricky);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.code)).toEqual(["invalid_type"]);
    }
  });
});
