import { idParam } from "@/lib/api/params";
import { storedFileResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { getDirectiveFile } from "@/lib/directives/queries";
import { readStored } from "@/lib/storage/files";

// GET /api/v1/directive-files/:id — a directive's attachment or a task's evidence, to users who may read the directive.
export const GET = signedInRoute({}, async ({ actor, params }) => {
  const file = await getDirectiveFile(actor, idParam(params.id));
  return storedFileResponse(await readStored(file.storageKey), file);
});
