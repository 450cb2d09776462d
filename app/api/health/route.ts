import { connection } from "next/server";
import { checkDatabase } from "@/lib/db/health";

// Public and unauthenticated by design (load balancers call it): it reveals no configuration.
export async function GET() {
  await connection();
  const database = await checkDatabase();
  const healthy = database.status === "up";
  return Response.json(
    { status: healthy ? "ok" : "degraded", app: { status: "up" }, database },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
