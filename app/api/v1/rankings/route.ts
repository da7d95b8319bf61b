import type { NextRequest } from "next/server";
import { errorResponse, validationError } from "@/lib/api/responses";
import { getRanking } from "@/lib/results/queries";
import { rankingQuerySchema } from "@/lib/results/schema";

// GET /api/v1/rankings?index=PAR_INDEX&year=2023 — public, like the published tables.
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = rankingQuerySchema.safeParse({ index: params.get("index") ?? undefined, year: params.get("year") ?? undefined });
  if (!parsed.success) return validationError(parsed.error);
  try {
    const ranking = await getRanking(parsed.data.index, parsed.data.year);
    return Response.json({
      index: ranking.index.code,
      year: ranking.year,
      partial: ranking.partial,
      unitCount: ranking.unitCount,
      items: ranking.items.map((item) => ({
        rank: item.rank,
        rankMin: item.rankMin,
        rankMax: item.rankMax,
        officialRankDisagrees: item.officialRankDisagrees,
        unitCode: item.unitCode,
        unitName: item.unitName,
        regionCode: item.regionCode,
        score: item.score,
        group: item.group,
        previousRank: item.previous?.rank ?? null,
        change: item.change,
        source: item.source,
      })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
