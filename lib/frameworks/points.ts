// How points are read from what a person typed, and how closely children must add up to their
// parent. Apart from schema.ts and tree.ts so that client forms (the points editor) can use them
// without the message catalogue those word their messages with.

export const SUM_TOLERANCE = 0.001;

/** "2,5" or "2.5" → 2.5; "" → null; anything else → NaN. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s/g, "");
  if (t === "") return null;
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : Number.NaN;
}
