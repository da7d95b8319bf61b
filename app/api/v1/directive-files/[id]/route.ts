import { idParam } from "@/lib/api/params";
import { attachmentResponse, errorResponse } from "@/lib/api/responses";
import { requireActor } from "@/lib/auth/guard";
import { getDirectiveFile } from "@/lib/directives/queries";
import { readStored } from "@/lib/storage/files";

// GET /api/v1/directive-files/:id — a directive's attachment or a task's evidence, to users who may read the directive.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor();
    const file = await getDirectiveFile(actor, idParam((await params).id));
    return attachmentResponse(await readStored(file.storageKey), file);
  } catch (error) {
    return errorResponse(error);
  }
}
