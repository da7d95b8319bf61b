import { publicRoute } from "@/lib/api/route";
import { openApiDocument } from "@/lib/openapi/document";
import { openApiQuerySchema } from "@/lib/openapi/schema";

// GET /api/v1/openapi.json?lang=vi|en — the OpenAPI 3.1 description of this API (public). The same
// for everyone and changed only by a release: shared caches may keep it for an hour.
export const GET = publicRoute({ query: openApiQuerySchema }, async ({ query }) =>
  Response.json(openApiDocument(query.lang), { headers: { "Cache-Control": "public, max-age=3600" } }),
);
