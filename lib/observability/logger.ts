import { context, isSpanContextValid, trace } from "@opentelemetry/api";
import pino, { type Logger } from "pino";

// One JSON logger for the process. Stored on globalThis because the HTTP server and Next's
// bundled server code load this module separately; both must write through the same stream.
const key = Symbol.for("shipshape.logger");
type Holder = { [key]?: Logger };

function level(): string {
  const wanted = process.env.LOG_LEVEL;
  return wanted && ["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(wanted) ? wanted : "info";
}

/** Errors as type, message, code and stack: never the objects they reference (a pg error carries its client). */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code } = error as { code?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === "string" ? { code } : {}),
    stack: error.stack,
    ...(error.cause instanceof Error ? { cause: error.cause.message } : {}),
  };
}

/**
 * The active span's ids on every line, so a log line leads to its trace and back. Without a started SDK no span
 * is ever active and this adds nothing.
 */
export function traceFields(): { trace_id?: string; span_id?: string; trace_flags?: string } {
  const span = trace.getSpanContext(context.active());
  if (!span || !isSpanContextValid(span)) return {};
  return { trace_id: span.traceId, span_id: span.spanId, trace_flags: `0${span.traceFlags.toString(16)}` };
}

export function logger(): Logger {
  const holder = globalThis as Holder;
  holder[key] ??= pino({
    level: level(),
    base: { service: "shipshape" },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
    mixin: traceFields,
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.token"], censor: "[redacted]" },
  });
  return holder[key];
}

export function requestLogger(requestId: string | null | undefined): Logger {
  return requestId ? logger().child({ requestId }) : logger();
}
