// GET /api/ping — the Node process answers, nothing else: no database, no session. `npm run bench`
// measures it as the framework's ceiling; load balancers may use it as a liveness probe.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
