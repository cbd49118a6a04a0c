// Liveness: the process is up and its event loop answers. Never touches the database,
// so a Postgres outage does not get healthy processes restarted.
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
