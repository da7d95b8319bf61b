// The one way a route handler runs: who is asking (a signed-in actor, unless the data is public),
// the query string parsed with its zod schema, and lib's errors mapped to their status
// (./responses.ts). A handler only calls lib and says how to answer.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/policy";
import { parseInput, ValidationError } from "@/lib/errors";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/config";
import { inLocale } from "@/lib/i18n/message-locale";
import { errorResponse } from "./responses";

type Params = Record<string, string>;
type Handler = (request: NextRequest, context?: { params: Promise<Params> }) => Promise<Response>;
type RouteInput<Q> = { request: NextRequest; params: Params; query: Q };

/** The query string parsed with the route's schema, each parameter with its first value (as `searchParams.get` reads it). */
function queryOf<Q>(schema: z.ZodType<Q> | undefined, request: NextRequest): Q {
  if (!schema) return undefined as Q;
  const query: Record<string, string> = {};
  for (const [name, value] of request.nextUrl.searchParams) if (!(name in query)) query[name] = value;
  return parseInput(schema, query);
}

/** The visitor's language (the cookie): a public route never loads Auth.js to read an account's. */
const cookieLocale = (request: NextRequest) => resolveLocale(null, request.cookies.get(LOCALE_COOKIE)?.value);

/** lib's messages in the language of the request: the cookie's here, the account's once signed in. */
async function answer(request: NextRequest, work: () => Promise<Response>): Promise<Response> {
  return inLocale(cookieLocale(request), async () => {
    try {
      return await work();
    } catch (error) {
      return errorResponse(error);
    }
  });
}

/** A route for signed-in users: 401 when signed out, before the request is looked at. */
export function signedInRoute<Q = undefined>(options: { query?: z.ZodType<Q> }, run: (input: RouteInput<Q> & { actor: Actor }) => Promise<Response>): Handler {
  return (request, context) =>
    answer(request, async () => {
      // Loaded here, not at the top: a public route never loads Auth.js.
      const { requireActor } = await import("@/lib/auth/guard");
      const actor = await requireActor();
      const locale = resolveLocale(actor.locale, request.cookies.get(LOCALE_COOKIE)?.value);
      return inLocale(locale, async () => run({ request, actor, params: (await context?.params) ?? {}, query: queryOf(options.query, request) }));
    });
}

/** A route of public data (rankings, published results): no sign-in. */
export function publicRoute<Q = undefined>(options: { query?: z.ZodType<Q> }, run: (input: RouteInput<Q>) => Promise<Response>): Handler {
  return (request, context) => answer(request, async () => run({ request, params: (await context?.params) ?? {}, query: queryOf(options.query, request) }));
}

/** A JSON body as an object (anything else is no field at all); `hint` says what to send when it is no JSON. */
export async function jsonBody(request: Request, hint: string): Promise<Record<string, unknown>> {
  const body: unknown = await request.json().catch(() => {
    throw new ValidationError([{ field: "(body)", message: hint }]);
  });
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
}

/** A JSON number where lib's schema reads the text a form sends ("7,5" or 7.5). */
export function numberAsText(value: unknown): unknown {
  return typeof value === "number" ? String(value) : value;
}
