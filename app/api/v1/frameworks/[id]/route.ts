import { errorResponse, validationError } from "@/lib/api/responses";
import { requireActor } from "@/lib/auth/guard";
import { getFramework } from "@/lib/frameworks/queries";
import { frameworkIdSchema } from "@/lib/frameworks/schema";

type Params = { params: Promise<{ id: string }> };

// GET /api/v1/frameworks/:id — a framework version with its tree, components, grade bands and revision.
export async function GET(_request: Request, { params }: Params) {
  try {
    const actor = await requireActor();
    const id = frameworkIdSchema.safeParse((await params).id);
    if (!id.success) return validationError(id.error);
    return Response.json(await getFramework(actor, id.data));
  } catch (error) {
    return errorResponse(error);
  }
}
