import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { leaderSummary, render } from "@/lib/documents/queries";
import { leaderSummaryQuerySchema } from "@/lib/documents/schema";

// GET /api/v1/documents/leader-summary?province=91&year=2025&format=docx|pdf — for whoever may open the leader dashboard of that province.
export const GET = signedInRoute({ query: leaderSummaryQuerySchema }, async ({ actor, query }) =>
  attachmentResponse(await render(await leaderSummary(actor, query.province, query.year), query.format)),
);
