import { attachmentResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { openDataAverages, openDataFile } from "@/lib/profiles/open-data/queries";
import { openDataQuerySchema } from "@/lib/profiles/open-data/schema";

// GET /api/v1/open-data/averages?format=csv|xlsx|json — every published average (public; codebook at /du-lieu).
export const GET = publicRoute({ query: openDataQuerySchema }, async ({ query }) => {
  return attachmentResponse(await openDataFile(await openDataAverages(), "diem-trung-binh", query.format));
});
