import type { Actor } from "@/lib/auth/policy";
import { loadActor } from "@/lib/auth/load-actor";
import { testDb } from "./db";

/** The actor of a seeded user, as the app would build it for their request. */
export async function actorFor(email: string): Promise<Actor> {
  const actor = await loadActor(testDb, { email });
  if (!actor) throw new Error(`no active user ${email}`);
  return actor;
}
