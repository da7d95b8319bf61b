// Generated bad (and nearly good) input for the property-based tests: what people type into
// forms, query strings and spreadsheets, and what a hostile client sends. Shared by the unit,
// integration and end-to-end fuzz tests and by `npm run fuzz` (scripts/fuzz-api.ts).
import fc from "fast-check";

/** How many inputs each property gets: FUZZ_RUNS overrides (npm run fuzz sets 10,000). */
export function fuzzRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

const VIETNAMESE_LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
const VIETNAMESE = new RegExp(`[${VIETNAMESE_LETTERS}]`, "iu");
const ENGLISH_DEFAULT = /^(Invalid|Expected|Required|Too (big|small)|Unrecognized|String must|Number must)|\b(expected|received)\b/i;

/** A message a Vietnamese user can act on: not empty, not zod's English default, in Vietnamese (or naming the field). */
export function isClearMessage(message: unknown, fieldNames: readonly string[] = []): boolean {
  if (typeof message !== "string" || message.trim() === "") return false;
  if (ENGLISH_DEFAULT.test(message)) return false;
  return VIETNAMESE.test(message) || fieldNames.some((name) => name !== "" && message.includes(name));
}

/** Text as Vietnamese offices write it, in both Unicode normal forms. */
const vietnameseWord = fc
  .constantFrom(
    "Sở Tư pháp",
    "Ủy ban nhân dân",
    "Quảng Ninh",
    "Bà Rịa – Vũng Tàu",
    "Đắk Lắk",
    "thẩm định",
    "điểm",
    "giải trình",
    "Nghị quyết 202/2025/QH15",
    "Kế hoạch 4183/KH-UBND",
    "Xuất sắc",
    "đ",
    "Ưu tiên",
    "ỹ",
  )
  .chain((word) => fc.constantFrom(word, word.normalize("NFD"), word.toUpperCase()));

const vietnameseText = fc.array(fc.oneof(vietnameseWord, fc.constantFrom(" ", ", ", ".", "\n", "\t", "  ")), { maxLength: 12 }).map((parts) => parts.join(""));

/** Mixed Unicode: emoji, right-to-left, combining marks, zero-width and control characters, lone surrogates. */
const oddText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "\u0000",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\ud800",
    "\udfff",
    "a\u0301\u0302\u0303",
    "مرحبا",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "👩‍👩‍👧‍👦",
    "\r\n",
    "\u2028",
    "ǅ",
    "İ",
    "ß",
    "ﬃ",
  ),
);

/** Cells a spreadsheet runs as formulas (CSV injection), and lookalikes. */
export const formulaText = fc
  .tuple(
    fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'=", "''+", "＝", " ="),
    fc.constantFrom("cmd|' /C calc'!A0", 'HYPERLINK("http://x.test","bấm")', "1+1", "SUM(A1:A9)", "2*3", 'WEBSERVICE("http://x.test")', "", "ĐIỂM"),
  )
  .map(([lead, body]) => lead + body);

/** Numbers as people and programs write them, mostly wrong. */
export const numberText = fc.oneof(
  fc.constantFrom(
    "92,18",
    "92.18",
    "7,5",
    "7.5",
    "0",
    "-0",
    "-1",
    "1e3",
    "1E-7",
    "0x1F",
    "0b11",
    "NaN",
    "Infinity",
    "-Infinity",
    "1,234.5",
    "1.234,5",
    "1 000",
    "1_000",
    "٣",
    "１２",
    "½",
    "7,",
    ".5",
    "5.",
    "--1",
    "+7",
    "7.5.1",
    "92,181",
    " 8 ",
    "2147483648",
    "99999999999999999999",
    "9007199254740993",
    "0.1e1",
    "1/2",
    "10%",
    "null",
    "undefined",
    "true",
  ),
  fc.double({ noDefaultInfinity: false }).map(String),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.integer({ min: 1, max: 400 }).map((n) => "9".repeat(n)),
);

/** Plausible values: pass the shape checks often enough to reach the deeper rules. */
export const PLAUSIBLE = [
  "1",
  "2",
  "3",
  "25",
  "2023",
  "2025",
  "2099",
  "1999",
  "2025-07-01",
  "2025-02-30",
  "2025-13-01",
  "2026-12-31",
  "PAR_INDEX",
  "SIPAS",
  "par_index",
  "DBSH",
  "none",
  "csv",
  "xlsx",
  "1",
  "on",
  "true",
  "91",
  "22",
  "STP",
  "1.1",
  "1.1.1",
  "FIELD",
  "APPRAISAL",
  "ten@donvi.gov.vn",
  "noivu@demo.local",
  "Demo@2026",
  "4183/KH-UBND",
  "05/2021/QĐ-UBND",
  "2019-Q1",
  "2019-H2",
  "2016-2020",
  "diem-mat",
  "ma",
  "85,5",
];
export const plausibleText = fc.constantFrom(...PLAUSIBLE);

/** A very long text, of one repeated character. */
export const longText = (max: number) =>
  fc.tuple(fc.constantFrom("a", "đ", "9", " ", "=", '"', ",", "\n", "Ữ"), fc.integer({ min: 200, max })).map(([unit, n]) => unit.repeat(n));

/** One text field as a form or a query string sends it (a query string is kept under the server's header limit). */
export const textOf = (maxLong: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: plausibleText },
    { weight: 3, arbitrary: numberText },
    { weight: 3, arbitrary: vietnameseText },
    { weight: 2, arbitrary: oddText },
    { weight: 2, arbitrary: formulaText },
    { weight: 1, arbitrary: longText(maxLong) },
    { weight: 1, arbitrary: fc.constant("") },
  );

export const fieldText = textOf(300_000);
export const queryText = textOf(4_000);
/** A spreadsheet cell: long text up to 20,000 characters (hugeCell goes further). */
export const cellText = textOf(20_000);
/** One cell of several megabytes. */
export const hugeCell = fc.tuple(fc.constantFrom("a", "Ữ", '"', "=", ","), fc.integer({ min: 1_000_000, max: 3_000_000 })).map(([unit, n]) => unit.repeat(n));

/** Any JSON value a client may send instead of the right type. */
export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fieldText },
  { weight: 2, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, 1.5, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e308)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }).map((text) => JSON.parse(text) as unknown) },
);

/** Any JavaScript value, for code that receives already-parsed input. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: jsonValue },
  {
    weight: 1,
    arbitrary: fc.constantFrom(undefined, Number.NaN, Infinity, -Infinity, new Date(Number.NaN), new Date(0), 10n, Symbol("x")),
  },
  {
    weight: 1,
    arbitrary: fc.anything({ maxDepth: 2, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  },
);

/** A JSON body: the expected keys with values mostly like the given ones, some left out, some extra; or not an object at all. */
export function jsonBody(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const record = fc.record(
    Object.fromEntries(Object.entries(fields).map(([key, likely]) => [key, fc.oneof({ weight: 3, arbitrary: likely }, { weight: 1, arbitrary: jsonValue })])),
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 6, arbitrary: record },
    { weight: 1, arbitrary: fc.tuple(record, fc.dictionary(fieldText, jsonValue, { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a })) },
    { weight: 1, arbitrary: jsonValue },
  );
}
