import { publicRoute } from "@/lib/api/route";
import { parseInput } from "@/lib/errors";
import { provinceOpenData } from "@/lib/profiles/open-data/queries";
import { openDataProvinceCodeSchema } from "@/lib/profiles/open-data/schema";

// GET /api/v1/open-data/provinces/91 (or …/91.json) — every unit that has had the code, with all
// its published results: a stable address for a province's data (public).
export const GET = publicRoute({}, async ({ params }) => {
  return Response.json(await provinceOpenData(parseInput(openDataProvinceCodeSchema, params.code)));
});
