import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { parseInput } from "@/lib/errors";
import { exportTree } from "@/lib/frameworks/io";
import { getFramework } from "@/lib/frameworks/queries";
import { exportQuerySchema, frameworkIdSchema } from "@/lib/frameworks/schema";

// GET /api/v1/frameworks/:id/export?format=csv|xlsx — the criteria tree as a file (anyone who may read the framework).
export const GET = signedInRoute({ query: exportQuerySchema }, async ({ actor, params, query }) => {
  const framework = await getFramework(actor, parseInput(frameworkIdSchema, params.id));
  return attachmentResponse(await exportTree(framework, framework.criteria, query.format));
});
