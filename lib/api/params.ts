// Ids in a route's path or query string. Anything but a positive PostgreSQL INTEGER ("abc", "1e3",
// "2147483648") becomes -1, which no row has: the lib answers "not found" instead of the database
// refusing the number with a server error.
import { DB_INT_MAX } from "@/lib/validation/zod";

export function idParam(text: string | null | undefined): number {
  if (!text || !/^\d{1,10}$/.test(text)) return -1;
  const id = Number(text);
  return id >= 1 && id <= DB_INT_MAX ? id : -1;
}

/** An optional id: undefined when the parameter is absent or empty. */
export function optionalIdParam(text: string | null | undefined): number | undefined {
  return text ? idParam(text) : undefined;
}
