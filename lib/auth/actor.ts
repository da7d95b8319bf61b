// The signed-in person, re-read from the database on every request.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { auth } from "./auth";
import { loadActor } from "./load-actor";
import type { Actor } from "./policy";

/** The current actor, or null when signed out, unknown, disabled or signed out elsewhere (session version). Cached per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  // A session without a version (signed in before versions existed) matches none: sign in again.
  return loadActor(db, { id, sessionVersion: session?.sessionVersion ?? -1 });
});
