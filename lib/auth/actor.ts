// The signed-in person, re-read from the database on every request.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { sessionOfCookies } from "./session";
import { loadActor } from "./load-actor";
import type { Actor } from "./policy";

/** The current actor, or null when signed out, unknown, disabled or signed out elsewhere (session version). Cached per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await sessionOfCookies((await headers()).get("cookie") ?? "");
  if (!session) return null;
  return loadActor(db, { id: session.userId, sessionVersion: session.sessionVersion });
});
