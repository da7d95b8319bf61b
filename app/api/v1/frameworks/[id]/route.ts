import { signedInRoute } from "@/lib/api/route";
import { parseInput } from "@/lib/errors";
import { getFramework } from "@/lib/frameworks/queries";
import { frameworkIdSchema } from "@/lib/frameworks/schema";

// GET /api/v1/frameworks/:id — a framework version with its tree, components, grade bands and revision.
export const GET = signedInRoute({}, async ({ actor, params }) => Response.json(await getFramework(actor, parseInput(frameworkIdSchema, params.id))));
