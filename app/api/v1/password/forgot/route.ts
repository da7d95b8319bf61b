import { forgotPassword } from "@/lib/accounts/passwords/mutations";
import { forgotAnswer } from "@/lib/accounts/passwords/rules";
import { jsonBody, publicRoute } from "@/lib/api/route";
import { clientIp } from "@/lib/auth/throttle";

// POST /api/v1/password/forgot { email } → always 202 with the same body, whether or not the account exists.
export const POST = publicRoute({}, async ({ request }) => {
  const body = await jsonBody(request, "Gửi JSON { email }.");
  await forgotPassword(body, clientIp(request.headers));
  return Response.json(forgotAnswer(), { status: 202 });
});
