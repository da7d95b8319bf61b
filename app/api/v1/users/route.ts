import { createAccount } from "@/lib/accounts/mutations";
import { listAccounts } from "@/lib/accounts/queries";
import { accountFilterSchema } from "@/lib/accounts/schema";
import { portalOrigin } from "@/lib/api/origin";
import { jsonBody, signedInRoute } from "@/lib/api/route";

// GET /api/v1/users?q=&role=&province=01&agencyId=&status=active|invited|disabled|locked&signedInBefore=YYYY-MM-DD&page=
// The accounts the caller may manage (ADMIN: all; HOME_AFFAIRS: their province's).
export const GET = signedInRoute({ query: accountFilterSchema }, async ({ actor, query }) => Response.json(await listAccounts(actor, query)));

// POST /api/v1/users { email, name, phone?, role, provinceCode?, agencyId? } → 201 with the invitation link.
export const POST = signedInRoute({}, async ({ request, actor }) => {
  const body = await jsonBody(request, "Gửi JSON { email, name, role, provinceCode?, agencyId? }.");
  const account = await createAccount(actor, body);
  const { invitation, ...rest } = account;
  return Response.json({ ...rest, invitation: { link: `${portalOrigin(request.url)}${invitation.path}`, expiresAt: invitation.expiresAt } }, { status: 201 });
});
