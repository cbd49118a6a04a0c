import { createActionClient } from "@/lib/actions/action-client";
import { currentRequestId, requireActionViewer } from "@/lib/session/viewer";

/**
 * How every server action is written: `defineAction({ input, schema, handler })`. It authenticates the session,
 * parses with the shared schema, passes the viewer and request id on for the audit log, and returns the typed
 * result of lib/actions/result.ts instead of throwing.
 */
export const defineAction = createActionClient({ authenticate: requireActionViewer, requestId: currentRequestId });
