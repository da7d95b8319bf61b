import { databaseReachable } from "@/lib/db/client";
import { databaseUnavailableMessage } from "@/lib/db/unavailable";

// Liveness and database reachability, for load balancers, the start script and the page error boundary.
export async function GET() {
  if (await databaseReachable()) return Response.json({ status: "ok" });
  return Response.json({ status: "database_unavailable", error: databaseUnavailableMessage() }, { status: 503, headers: { "Retry-After": "10" } });
}
