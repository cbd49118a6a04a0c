import { checkDatabase, isShuttingDown, uptimeSeconds } from "@/lib/health";
import packageJson from "@/package.json";

// Health in the IETF "application/health+json" shape (draft-inadarei-api-health-check).
export async function GET() {
  const time = new Date().toISOString();
  const database = await checkDatabase(1000);
  const shuttingDown = isShuttingDown();
  const status = database.ok && !shuttingDown ? "pass" : "fail";
  const body = {
    status,
    version: packageJson.version,
    serviceId: "shipshape",
    description: "Shipshape production readiness reviews",
    ...(status === "fail" ? { output: shuttingDown ? "shutting down" : (database.error ?? "database check failed") } : {}),
    checks: {
      "postgres:responseTime": [
        {
          componentType: "datastore",
          observedValue: database.responseTimeMs,
          observedUnit: "ms",
          status: database.responseTimeMs === null ? "fail" : "pass",
          time,
          ...(database.responseTimeMs === null ? { output: database.error } : {}),
        },
      ],
      "postgres:migrations": [
        {
          componentType: "datastore",
          observedValue: database.pendingMigrations?.length ?? null,
          observedUnit: "pending",
          status: database.pendingMigrations?.length === 0 ? "pass" : "fail",
          time,
        },
      ],
      uptime: [{ componentType: "system", observedValue: uptimeSeconds(), observedUnit: "s", status: "pass", time }],
    },
  };
  return new Response(JSON.stringify(body), {
    status: status === "pass" ? 200 : 503,
    headers: { "Content-Type": "application/health+json", "Cache-Control": "no-store" },
  });
}
