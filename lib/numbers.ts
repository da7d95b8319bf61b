// Numbers as the portal keeps them: database decimals read as plain numbers, and points rounded to
// the cent (two decimals, as the decisions print them).

/** A Prisma Decimal (or any number-like value) as a number; null stays null. */
export function numberOrNull(value: { toString(): string } | number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Points rounded to two decimals. */
export function cents(points: number): number {
  return Math.round(points * 100) / 100;
}
