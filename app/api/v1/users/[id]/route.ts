import { updateAccount } from "@/lib/accounts/mutations";
import { idParam } from "@/lib/api/params";
import { jsonBody, signedInRoute } from "@/lib/api/route";

// PATCH /api/v1/users/:id { version, name?, email?, phone?, role?, provinceCode?, agencyId?, disabled? }
export const PATCH = signedInRoute({}, async ({ request, actor, params }) => {
  const body = await jsonBody(request, "Gửi JSON { version, name?, phone?, role?, provinceCode?, agencyId?, disabled? }.");
  return Response.json(await updateAccount(actor, idParam(params.id), body));
});
