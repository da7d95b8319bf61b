// zod's API as the schemas see it (through lib/validation/zod.ts), with one change: z.string()
// also refuses text PostgreSQL cannot store — a NUL character or a lone UTF-16 surrogate, which a
// JSON body can carry ("\u0000", "\ud800") and which would otherwise fail at the database as a
// server error instead of a message naming the field.
import { string as zodString } from "zod";

export * from "zod";

/** The `params` of the issue, so that the Vietnamese fallback (zod.ts) words it. */
export const UNSTORABLE_TEXT = "unstorableText";

export const string = ((params?: Parameters<typeof zodString>[0]) =>
  zodString(params).refine((text) => !text.includes("\u0000") && text.isWellFormed(), {
    params: { reason: UNSTORABLE_TEXT },
  })) as typeof zodString;
