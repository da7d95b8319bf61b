import type { z } from "zod";
import { libTranslator } from "@/lib/i18n/lib-translator";

// Errors that lib throws for the caller to fix. Each carries its HTTP status; route handlers
// and server actions turn them into a message in the request's language (lib/api/responses.ts, lib/api/server-action.ts).

/** One problem in the input: a form field, or a cell of an imported file (row is 1-based, header = 1). */
export type Issue = { row?: number; column?: string; field?: string; message: string };

export class ValidationError extends Error {
  readonly status = 400;
  constructor(
    public readonly issues: Issue[],
    message = issues.map((i) => i.message).join(" "),
  ) {
    super(message);
  }
}

/** Optimistic concurrency: someone saved since this form was read. `current` is what is there now. */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(
    message: string,
    public readonly current: unknown,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = libTranslator("errors.generic")("notFound")) {
    super(message);
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = libTranslator("errors.generic")("forbidden")) {
    super(message);
  }
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor(message = libTranslator("errors.generic")("unauthenticated")) {
    super(message);
  }
}

/** Zod issues → our issues, with the field path joined by dots. */
export function issuesFromZod(error: { issues: { path: PropertyKey[]; message: string }[] }): Issue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join(".") || undefined, message: issue.message }));
}

/** Validates input with its zod schema; a failure is a ValidationError naming every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
  return parsed.data;
}
