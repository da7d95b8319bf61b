import { idParam } from "@/lib/api/params";
import { storedFileResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { getEvidenceFile } from "@/lib/assessments/queries";
import { readStored } from "@/lib/storage/files";

// GET /api/v1/evidence/:id — an evidence file, only to users who may read its agency.
export const GET = signedInRoute({}, async ({ actor, params }) => {
  const file = await getEvidenceFile(actor, idParam(params.id));
  return storedFileResponse(await readStored(file.storageKey), file);
});
