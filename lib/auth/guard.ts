// The signed-in actor for a server action or route handler, or a 401.
import "server-only";
import { UnauthenticatedError } from "@/lib/errors";
import { currentActor } from "./actor";
import type { Actor } from "./policy";

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
