import type { NextRequest } from "next/server";
import { errorResponse, validationError } from "@/lib/api/responses";
import { rankingApiBody } from "@/lib/results/queries";
import { rankingQuerySchema } from "@/lib/results/schema";

// GET /api/v1/rankings?index=PAR_INDEX&year=2023 — public, like the published tables.
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = rankingQuerySchema.safeParse({ index: params.get("index") ?? undefined, year: params.get("year") ?? undefined });
  if (!parsed.success) return validationError(parsed.error);
  try {
    return new Response(await rankingApiBody(parsed.data.index, parsed.data.year), { headers: { "Content-Type": "application/json" } });
  } catch (error) {
    return errorResponse(error);
  }
}
