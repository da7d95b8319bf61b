import { updateAgency } from "@/lib/agencies/mutations";
import { idParam } from "@/lib/api/params";
import { jsonBody, signedInRoute } from "@/lib/api/route";

// PATCH /api/v1/agencies/:id { version, code?, name?, shortName?, kind?, peerGroup?, contactEmail?, contactPhone?, validFrom?, validTo? }
export const PATCH = signedInRoute({}, async ({ request, actor, params }) => {
  const body = await jsonBody(request, "Gửi JSON { version, name?, kind?, validTo?, … }.");
  return Response.json(await updateAgency(actor, idParam(params.id), body));
});
