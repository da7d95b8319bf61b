import { publicRoute } from "@/lib/api/route";
import { rankingApiBody } from "@/lib/results/queries";
import { rankingQuerySchema } from "@/lib/results/schema";

// GET /api/v1/rankings?index=PAR_INDEX&year=2023 — public, like the published tables.
export const GET = publicRoute({ query: rankingQuerySchema }, async ({ query }) => {
  return new Response(await rankingApiBody(query.index, query.year), { headers: { "Content-Type": "application/json" } });
});
