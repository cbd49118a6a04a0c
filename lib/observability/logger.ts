import pino, { type Logger } from "pino";

// One JSON logger for the process. Stored on globalThis because the HTTP server and Next's
// bundled server code load this module separately; both must write through the same stream.
const key = Symbol.for("shipshape.logger");
type Holder = { [key]?: Logger };

function level(): string {
  const wanted = process.env.LOG_LEVEL;
  return wanted && ["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(wanted) ? wanted : "info";
}

export function logger(): Logger {
  const holder = globalThis as Holder;
  holder[key] ??= pino({
    level: level(),
    base: { service: "shipshape" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.token"], censor: "[redacted]" },
  });
  return holder[key];
}

export function requestLogger(requestId: string | null | undefined): Logger {
  return requestId ? logger().child({ requestId }) : logger();
}
