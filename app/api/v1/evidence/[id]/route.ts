import { idParam } from "@/lib/api/params";
import { requireActor } from "@/lib/auth/guard";
import { attachmentResponse, errorResponse } from "@/lib/api/responses";
import { getEvidenceFile } from "@/lib/assessments/queries";
import { readStored } from "@/lib/storage/files";

// GET /api/v1/evidence/:id — an evidence file, only to users who may read its agency.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor();
    const file = await getEvidenceFile(actor, idParam((await params).id));
    return attachmentResponse(await readStored(file.storageKey), file);
  } catch (error) {
    return errorResponse(error);
  }
}
