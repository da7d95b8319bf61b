import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { directiveReport, render } from "@/lib/documents/queries";
import { directiveReportQuerySchema } from "@/lib/documents/schema";

// GET /api/v1/documents/directive-report?directiveId=…&period=2025-Q3|2025-H1|2025&format=docx|pdf —
// for whoever may read the directive's compiled reports (staff and leaders of its province).
export const GET = signedInRoute({ query: directiveReportQuerySchema }, async ({ actor, query }) =>
  attachmentResponse(await render(await directiveReport(actor, query.directiveId, query.period ?? null), query.format)),
);
