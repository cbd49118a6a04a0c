// `npm start`: the production server (run `npm run build` first). Validates configuration, then serves.
import { ConfigError, env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { startHttpServer } from "@/lib/server/http-server";

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  process.env.NEXTAUTH_URL ??= `http://localhost:${config.PORT}`;
  const server = await startHttpServer(config, { dev: process.argv.includes("--dev") });
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger().info({ signal }, "signal received");
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, "failed to start");
  process.exit(1);
});
