// zod's API as the schemas see it (through lib/validation/zod.ts), with two changes:
// - z.string() also refuses text PostgreSQL cannot store — a NUL character or a lone UTF-16
//   surrogate, which a JSON body can carry ("\u0000", "\ud800") and which would otherwise fail at the
//   database as a server error instead of a message naming the field;
// - z.string() and z.array() stop at a value of the wrong type. zod runs their length checks on any
//   value that has a `length`, even after "expected a string", and compares it: a JSON body's
//   `{"length": {"toString": ""}}` made safeParse throw (a server error) instead of naming the field.
import { core, array as zodArray, string as zodString } from "zod";

export * from "zod";

/** The `params` of the issue, so that the Vietnamese fallback (zod.ts) words it. */
export const UNSTORABLE_TEXT = "unstorableText";

/**
 * Marks the type's own "expected …" issue as final, so that no later check (length, pattern, trim)
 * sees the wrong value. Runs first, and even though the value was refused (`when`).
 */
const finalOnWrongType = (expected: "string" | "array") =>
  core._check(
    (payload) => {
      for (const issue of payload.issues) if (issue.code === "invalid_type" && issue.expected === expected) (issue as { continue?: boolean }).continue = false;
    },
    { when: () => true },
  );

export const string = ((params?: Parameters<typeof zodString>[0]) =>
  zodString(params)
    .check(finalOnWrongType("string"))
    .refine((text) => !text.includes("\u0000") && text.isWellFormed(), {
      params: { reason: UNSTORABLE_TEXT },
    })) as typeof zodString;

export const array = ((element: Parameters<typeof zodArray>[0], params?: Parameters<typeof zodArray>[1]) =>
  zodArray(element, params).check(finalOnWrongType("array"))) as typeof zodArray;
