import { idParam } from "@/lib/api/params";
import { requireActor } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/api/responses";
import { getEvidenceFile } from "@/lib/assessments/queries";
import { readStored } from "@/lib/storage/files";

// GET /api/v1/evidence/:id — an evidence file, only to users who may read its agency.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor();
    const file = await getEvidenceFile(actor, idParam((await params).id));
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
