import { idParam } from "@/lib/api/params";
import { errorResponse } from "@/lib/api/responses";
import { requireActor } from "@/lib/auth/guard";
import { getDirectiveFile } from "@/lib/directives/queries";
import { readStored } from "@/lib/storage/files";

// GET /api/v1/directive-files/:id — a directive's attachment or a task's evidence, to users who may read the directive.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor();
    const file = await getDirectiveFile(actor, idParam((await params).id));
    const body = await readStored(file.storageKey);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(body.length),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
