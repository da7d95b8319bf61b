import { createAgency } from "@/lib/agencies/mutations";
import { listAgencies } from "@/lib/agencies/queries";
import { agencyListSchema } from "@/lib/agencies/schema";
import { jsonBody, signedInRoute } from "@/lib/api/route";

// GET /api/v1/agencies?province=91&q=&kind=&status=current|ended|all — a province's agencies (HOME_AFFAIRS: their own).
export const GET = signedInRoute({ query: agencyListSchema }, async ({ actor, query }) => Response.json(await listAgencies(actor, query)));

// POST /api/v1/agencies { provinceCode?, code, name, shortName?, kind, peerGroup?, contactEmail?, contactPhone?, validFrom? } → 201
export const POST = signedInRoute({}, async ({ request, actor }) => {
  const body = await jsonBody(request, "Gửi JSON { code, name, kind, provinceCode?, … }.");
  const created = await createAgency(actor, body);
  return Response.json(created, { status: 201 });
});
