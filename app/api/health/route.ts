import { db } from "@/lib/db/client";

// Liveness and database reachability, for load balancers and the start script.
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database_unavailable", error: "Không kết nối được cơ sở dữ liệu." }, { status: 503 });
  }
}
