import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { rankingAnnex, render } from "@/lib/documents/queries";
import { rankingAnnexQuerySchema } from "@/lib/documents/schema";

// GET /api/v1/documents/ranking-annex?periodId=…&format=docx|pdf — for whoever may open the period's page.
export const GET = signedInRoute({ query: rankingAnnexQuerySchema }, async ({ actor, query }) =>
  attachmentResponse(await render(await rankingAnnex(actor, query.periodId), query.format)),
);
