import { setPasswordWithLink } from "@/lib/accounts/passwords/mutations";
import { jsonBody, publicRoute } from "@/lib/api/route";

// POST /api/v1/password/set { token, password } — public: the token of the one-time link is the credential.
export const POST = publicRoute({}, async ({ request }) => {
  const body = await jsonBody(request, "Gửi JSON { token, password }.");
  const { email } = await setPasswordWithLink(body);
  return Response.json({ email });
});
