import { createServer } from "node:net";
import { redirect } from "next/navigation";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createActionClient, type ActionContext } from "@/lib/actions/action-client";
import { withCurrent, type ActionFailure } from "@/lib/actions/result";
import type { Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

// defineAction's whole contract, with the session lookup handed in: who is signed in is the one thing a unit test
// cannot get from a real request, so each test says who (or nobody) is asking.

const viewer: Viewer = { id: "u-1", email: "ada@example.com", name: "Ada", role: "EDITOR", teamIds: ["t-1"] };

function clientFor(who: Viewer | null, requestId: string | null = "req-1") {
  return createActionClient({
    authenticate: async () => {
      if (!who) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
      return who;
    },
    requestId: async () => requestId,
  });
}

const nameForm = z.object({ name: z.string().trim().min(2, "Use at least 2 characters"), teamId: z.guid({ error: "Choose a team" }) });

/** A form action like the app's: (previous state, FormData), failures keep what was typed. */
function saveName(who: Viewer | null, handler: (input: z.output<typeof nameForm>, ctx: ActionContext) => Promise<{ ok: true }>) {
  const calls: ActionContext[] = [];
  const action = clientFor(who)({
    name: "saveName",
    input: (_previous: unknown, formData: FormData) => ({ name: formData.get("name"), teamId: formData.get("teamId") }),
    schema: nameForm,
    handler: async (input, ctx) => {
      calls.push(ctx);
      return handler(input, ctx);
    },
    failure: (failure: ActionFailure, { raw }) => ({ ...failure, values: raw }),
  });
  return { action, calls };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const TEAM = "7d3f1c2e-9a4b-4c5d-8e6f-1a2b3c4d5e6f";

describe("defineAction", () => {
  it("parses before the handler runs and returns per-field errors with what was typed", async () => {
    const { action, calls } = saveName(viewer, async () => ({ ok: true }));
    const result = await action(null, form({ name: " x ", teamId: "nope" }));
    expect(result).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Some fields need attention. Fix them and try again.",
      fieldErrors: { name: ["Use at least 2 characters"], teamId: ["Choose a team"] },
      values: { name: " x ", teamId: "nope" },
    });
    expect(calls).toHaveLength(0);
  });

  it("hands the handler parsed input and the viewer with the request id for the audit log", async () => {
    let seen: z.output<typeof nameForm> | undefined;
    const { action, calls } = saveName(viewer, async (input) => {
      seen = input;
      return { ok: true };
    });
    await expect(action(null, form({ name: "  Payments  ", teamId: TEAM }))).resolves.toEqual({ ok: true });
    expect(seen).toEqual({ name: "Payments", teamId: TEAM });
    expect(calls).toEqual([{ viewer, requestId: "req-1" }]);
  });

  it("refuses a signed-out caller before parsing: no field errors, the typed values kept", async () => {
    const { action, calls } = saveName(null, async () => ({ ok: true }));
    const typed = { name: "x", teamId: "nope" };
    const failure = { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again to continue." };
    await expect(action(null, form(typed))).resolves.toEqual({ ...failure, values: typed });
    expect(calls).toEqual([]);
  });

  it("checks `authorize` before parsing, so a refusal never depends on what was typed", async () => {
    const action = clientFor(viewer)({
      name: "test",
      input: (value: unknown) => value,
      authorize: (who) => {
        if (who.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins can manage Shipshape");
      },
      schema: nameForm,
      handler: async () => ({ ok: true as const }),
    });
    await expect(action({ name: "" })).resolves.toEqual({ ok: false, code: "FORBIDDEN", message: "Only admins can manage Shipshape" });
  });

  it("maps an AppError from lib/db to its code, message, reason and field errors, and can add the current record", async () => {
    const current = { version: 2, note: "theirs" };
    const action = clientFor(viewer)({
      name: "test",
      input: (value: unknown) => value,
      schema: z.object({ note: z.string() }),
      handler: async (): Promise<{ ok: true }> => {
        throw new AppError("CONFLICT", "Someone else saved this first.", {
          reason: "STALE_ANSWER",
          current,
          fieldErrors: { note: ["Changed meanwhile"] },
        });
      },
      failure: withCurrent<typeof current>,
    });
    await expect(action({ note: "mine" })).resolves.toEqual({
      ok: false,
      code: "CONFLICT",
      message: "Someone else saved this first.",
      reason: "STALE_ANSWER",
      fieldErrors: { note: ["Changed meanwhile"] },
      current,
    });
  });

  it("maps Prisma's unique violation to CONFLICT and an unexpected error to a message that keeps the form", async () => {
    const failWith = (error: unknown) =>
      clientFor(viewer)({
        name: "test",
        input: () => ({}),
        schema: z.object({}),
        handler: async (): Promise<{ ok: true }> => {
          throw error;
        },
      })();
    await expect(failWith(Object.assign(new Error("unique"), { code: "P2002", meta: { target: ["slug"] } }))).resolves.toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "That slug is already taken",
    });
    const unexpected = await failWith(new TypeError("boom"));
    expect(unexpected).toMatchObject({ ok: false, message: expect.stringMatching(/Something went wrong and nothing was saved/) });
    expect(unexpected).not.toHaveProperty("code");
  });

  it("says the database is unavailable when Postgres cannot be reached", async () => {
    // A port that was just free on loopback: connecting is refused for real.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const action = clientFor(viewer)({
      name: "test",
      input: () => ({}),
      schema: z.object({}),
      handler: async (): Promise<{ ok: true }> => {
        const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", connectionTimeoutMillis: 2000 });
        await client.connect();
        return { ok: true };
      },
    });
    await expect(action()).resolves.toEqual({
      ok: false,
      code: "SERVICE_UNAVAILABLE",
      message: "The database is not answering right now. Nothing was saved; try again in a moment.",
    });
  });

  it("lets Next's redirect after a successful save through", async () => {
    const action = clientFor(viewer)({
      name: "test",
      input: () => ({}),
      schema: z.object({}),
      handler: async (): Promise<never> => redirect("/services/payments"),
    });
    await expect(action()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
