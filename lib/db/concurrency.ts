// Concurrent writers. A row people edit carries a version (a framework: a revision); every save
// names the version its form read and writes only if the row still has it. Nothing written means
// someone saved or deleted the row since: the save is refused with what is there now, so no edit
// silently overwrites another (README, "Concurrent edits").
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "./generated/client";

/** The version a save names, and the rule it is written under: where the row still has it. */
export type Versioned = { id: number; version: number };

/** An update's data with the version moved on. */
export function nextVersion<T extends object>(data: T): T & { version: { increment: 1 } } {
  return { ...data, version: { increment: 1 } };
}

type Refusal<Row> = {
  /** The row as it is now (null: deleted meanwhile), read after the write was refused. */
  current: () => PromiseLike<Row | null>;
  /** What to say about it: a ConflictError with the current value. */
  conflict: (current: Row) => Error;
  /** What to say when the row is gone: a message for NotFoundError, or the error itself. */
  gone?: string | (() => Error);
};

/**
 * Runs `write` (an updateMany or deleteMany on `where`: the id and the version read) and, when it
 * wrote nothing, throws the refusal. Call it inside the transaction that also writes the audit row.
 */
export async function writeVersioned<W extends object, Row>(
  where: W,
  write: (where: W) => PromiseLike<{ count: number }>,
  refusal: Refusal<Row>,
): Promise<void> {
  const { count } = await write(where);
  if (count > 0) return;
  const current = await refusal.current();
  if (current === null) throw typeof refusal.gone === "function" ? refusal.gone() : new NotFoundError(refusal.gone);
  throw refusal.conflict(current);
}

/** Someone inserted the same row (same unique key) between our check and our insert. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
