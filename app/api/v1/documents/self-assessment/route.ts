import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { render, sheetDocument } from "@/lib/documents/queries";
import { sheetDocumentQuerySchema } from "@/lib/documents/schema";

// GET /api/v1/documents/self-assessment?assessmentId=…&format=docx|pdf — for whoever may open the scoring sheet.
export const GET = signedInRoute({ query: sheetDocumentQuerySchema }, async ({ actor, query }) =>
  attachmentResponse(await render(await sheetDocument(actor, "self-assessment", query.assessmentId), query.format)),
);
