import { resetAccountPassword } from "@/lib/accounts/mutations";
import { idParam } from "@/lib/api/params";
import { portalOrigin } from "@/lib/api/origin";
import { signedInRoute } from "@/lib/api/route";

// POST /api/v1/users/:id/reset → { link, expiresAt }: a new one-time link; older links stop working.
export const POST = signedInRoute({}, async ({ request, actor, params }) => {
  const link = await resetAccountPassword(actor, idParam(params.id));
  return Response.json({ link: `${portalOrigin(request.url)}${link.path}`, expiresAt: link.expiresAt });
});
