// `npm start`: the production server (run `npm run build` first). Validates configuration, starts tracing when
// an OTLP endpoint is configured, then serves.
import { env, tracingDecision } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { startTracing } from "@/lib/observability/tracing";
import { configOrExit } from "./lib/config";
import { stopOnSignal } from "./lib/signals";

async function main() {
  const config = configOrExit(env);
  process.env.NEXTAUTH_URL ??= `http://localhost:${config.PORT}`;
  const decision = tracingDecision(config);
  const tracing = await startTracing(decision);
  logger().info(decision.enabled ? { tracing: "on" } : { tracing: "off", reason: decision.reason }, "tracing");
  // Loaded only now: the tracing instrumentations patch node:http, next and pg as they are first required.
  const { startHttpServer } = await import("@/lib/server/http-server");
  const server = await startHttpServer(config, { dev: process.argv.includes("--dev") });
  stopOnSignal(async () => {
    await server.close();
    // Spans still in the batch leave before the process does.
    await tracing?.shutdown().catch(() => undefined);
  });
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, "failed to start");
  process.exit(1);
});
