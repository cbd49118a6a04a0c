import type { z } from "zod";
import { isNavigationSignal, toActionError, zodFailure, type ActionFailure } from "@/lib/actions/result";
import type { Viewer } from "@/lib/auth/permissions";
import type { AuditContext } from "@/lib/db/audit";
import { markSpanFailed, withSpan } from "@/lib/observability/spans";

// The one shape of every server action: read the call's arguments → authenticate → parse with a shared zod
// schema → run the handler with the audit context → map whatever went wrong to a typed failure. The handler only
// ever sees parsed input, and lib/db only ever receives what the handler passes on.

export type ActionContext = AuditContext & { viewer: Viewer; requestId: string | null };

export type ActionDefinition<Args extends unknown[], Raw, S extends z.ZodType, R, F> = {
  /** What traces call it: the span is `action <name>`. */
  name: string;
  /** Picks what the schema parses out of the call's arguments: a form's fields or a plain object. */
  input: (...args: Args) => Raw;
  schema: S;
  /** A rule about the person alone, checked before parsing, so a refusal never depends on what was typed. */
  authorize?: (viewer: Viewer) => void;
  /** Runs with parsed input; may revalidate and redirect (Next's navigation errors pass through untouched). */
  handler: (input: z.output<S>, ctx: ActionContext, ...args: Args) => Promise<R>;
  /** Shapes a failure for the caller, e.g. with what was typed or with the current version after a conflict. */
  failure?: (failure: ActionFailure, details: { raw: Raw; error: unknown }) => F;
};

export type ActionClientDeps = {
  /** The signed-in viewer, or an UNAUTHENTICATED AppError. */
  authenticate: () => Promise<Viewer>;
  /** The request id the audit log keeps beside every change. */
  requestId: () => Promise<string | null>;
};

/** Builds `defineAction` over the given session and request lookups (the app's are in define-action.ts). */
export function createActionClient(deps: ActionClientDeps) {
  return function defineAction<Args extends unknown[], Raw, S extends z.ZodType, R, F = ActionFailure>(
    definition: ActionDefinition<Args, Raw, S, R, F>,
  ): (...args: Args) => Promise<R | F> {
    // Without `failure`, F is its default, ActionFailure, and the failure goes back as it is.
    const shape = definition.failure ?? ((failure: ActionFailure) => failure as F);
    return (...args: Args) =>
      withSpan(
        `action ${definition.name}`,
        { attributes: { "shipshape.action": definition.name }, isControlFlow: isNavigationSignal },
        async (span) => {
          const raw = definition.input(...args);
          const fail = (failure: ActionFailure, error: unknown) => {
            span.setAttribute("shipshape.action.outcome", failure.code ?? "INTERNAL");
            // A refusal or a validation message is the action working; only what nobody expected is an error.
            if (!failure.code || failure.code === "SERVICE_UNAVAILABLE") markSpanFailed(span, failure.message);
            return shape(failure, { raw, error });
          };
          try {
            const viewer = await deps.authenticate();
            definition.authorize?.(viewer);
            const parsed = definition.schema.safeParse(raw);
            if (!parsed.success) return fail(zodFailure(parsed.error), parsed.error);
            const ctx: ActionContext = { viewer, requestId: await deps.requestId() };
            const result = await definition.handler(parsed.data, ctx, ...args);
            span.setAttribute("shipshape.action.outcome", "ok");
            return result;
          } catch (error) {
            return fail(toActionError(error), error);
          }
        },
      );
  };
}
