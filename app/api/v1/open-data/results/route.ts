import { attachmentResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { openDataFile, openDataResults } from "@/lib/profiles/open-data/queries";
import { openDataQuerySchema } from "@/lib/profiles/open-data/schema";

// GET /api/v1/open-data/results?format=csv|xlsx|json — every published result (public; codebook at /du-lieu).
export const GET = publicRoute({ query: openDataQuerySchema }, async ({ query }) => {
  return attachmentResponse(await openDataFile(await openDataResults(), "ket-qua-cong-bo", query.format));
});
