import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";

// Shipshape's own spans. Through the API alone: without a started SDK the tracer is a no-op and a span costs
// a function call.

const tracer = () => trace.getTracer("shipshape");

export type SpanOptions = {
  attributes?: Attributes;
  /** Throws that are control flow, not failure (a framework's redirect): they end the span without an error. */
  isControlFlow?: (error: unknown) => boolean;
};

/** Runs `work` inside a span of its own; a throw marks the span as an error and is rethrown unchanged. */
export async function withSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes: options.attributes ?? {} }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      if (options.isControlFlow?.(error)) throw error;
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Marks a span as failed without a throw, for work that turns its failures into results. */
export function markSpanFailed(span: Span, message: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}
