// Parameters of the bulk statements (the score and survey imports, the audit trail): a column of values passed as
// one text, PostgreSQL's array literal, instead of a JavaScript array. Prisma's query compiler walks an
// array parameter element by element; a text it passes whole, and PostgreSQL's array parser reads it
// at once. For the 100,080 rows of `npm run bench:import`, that cut the Node CPU of the two writes
// from 1.6 s to 0.7 s (docs/benchmarks.md, "A ninth look"). The SQL does not change: `$1::int[]`
// reads the literal as it read the array.

/**
 * Values as a PostgreSQL array literal, `{"a","b",NULL}`: each element quoted, with `\` and `"`
 * escaped, so any text (commas, braces, line breaks) reads back as it was; null and undefined are NULL.
 */
export function arrayLiteral(values: readonly (string | number | null | undefined)[]): string {
  const elements = values.map((value) => {
    if (value === null || value === undefined) return "NULL";
    if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return `"${String(value).replace(/[\\"]/g, "\\$&")}"`;
  });
  return `{${elements.join(",")}}`;
}
