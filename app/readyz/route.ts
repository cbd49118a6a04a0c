import { checkDatabase, isShuttingDown } from "@/lib/health";

// Readiness: send traffic here only while the database answers within 1 s, migrations are applied
// and the process is not draining for shutdown.
export async function GET() {
  if (isShuttingDown()) {
    return Response.json({ status: "unavailable", reason: "shutting down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
  const database = await checkDatabase(1000);
  return Response.json(
    {
      status: database.ok ? "ready" : "unavailable",
      database: { ok: database.ok, responseTimeMs: database.responseTimeMs, error: database.error },
    },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
