import { logger } from "@/lib/observability/logger";

/** On the first SIGTERM or SIGINT, runs `stop` once and exits: 0 when it finished, 1 when it failed. */
export function stopOnSignal(stop: () => Promise<unknown>): void {
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger().info({ signal }, "signal received");
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger().error({ err: error }, "stop failed");
          process.exit(1);
        },
      );
    });
  }
}
