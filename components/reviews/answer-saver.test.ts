import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SaveAnswerResult } from "@/lib/actions/reviews";
import type { AnswerDto } from "@/lib/db/review-dtos";
import { AnswerSaver, UNREACHABLE_MESSAGE, type SendAnswer } from "./answer-saver";

function answer(version: number, patch: Partial<AnswerDto> = {}): AnswerDto {
  return {
    id: "a1",
    itemKey: "health.healthz-endpoint",
    status: "MET",
    note: "",
    naReason: null,
    version,
    answeredBy: null,
    answeredAt: new Date("2026-12-01T10:00:00Z"),
    evidence: [],
    carriedFromReviewId: null,
    awaitsConfirmation: false,
    confirmedBy: null,
    confirmedAt: null,
    ...patch,
  };
}

/** A server whose replies the test releases one by one. */
function fakeServer() {
  const calls: { payload: Parameters<SendAnswer>[0]; resolve: (r: SaveAnswerResult) => void; reject: (e: Error) => void }[] = [];
  const send: SendAnswer = (payload) => new Promise((resolve, reject) => calls.push({ payload, resolve, reject }));
  return { calls, send };
}

describe("AnswerSaver", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("saves a choice at once, and typing only after the pause", async () => {
    const server = fakeServer();
    const saver = new AnswerSaver(null, { send: server.send, onChange: () => {}, debounceMs: 700 });
    saver.choose("PARTIAL");
    expect(server.calls.map((c) => c.payload)).toEqual([{ status: "PARTIAL", note: "", naReason: "", expectedVersion: null }]);
    expect(saver.snapshot.editState).toBe("pending");
    server.calls[0]!.resolve({ ok: true, data: answer(1, { status: "PARTIAL" }) });
    await vi.waitFor(() => expect(saver.snapshot.editState).toBe("clean"));

    saver.type("note", "half");
    saver.type("note", "half done");
    vi.advanceTimersByTime(699);
    expect(server.calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(server.calls[1]!.payload).toEqual({ status: "PARTIAL", note: "half done", naReason: "", expectedVersion: 1 });
  });

  it("sends one save at a time, the next with the version the previous one returned", async () => {
    const server = fakeServer();
    const saver = new AnswerSaver(answer(3), { send: server.send, onChange: () => {}, debounceMs: 700 });
    saver.choose("NOT_MET");
    saver.type("note", "typed while saving");
    saver.leaveField();
    expect(server.calls).toHaveLength(1);
    server.calls[0]!.resolve({ ok: true, data: answer(4, { status: "NOT_MET" }) });
    await vi.waitFor(() => expect(server.calls).toHaveLength(2));
    expect(server.calls[1]!.payload).toMatchObject({ note: "typed while saving", expectedVersion: 4 });
    // What was typed meanwhile stays in the form rather than the first save's reply.
    expect(saver.snapshot.values.note).toBe("typed while saving");
  });

  it("holds an N/A without a reason, and saves once the reason is typed", () => {
    const server = fakeServer();
    const saver = new AnswerSaver(answer(1), { send: server.send, onChange: () => {}, debounceMs: 700 });
    saver.choose("NOT_APPLICABLE");
    expect(server.calls).toHaveLength(0);
    expect(saver.snapshot.fieldErrors).toEqual({ naReason: ["Explain why this item does not apply"] });
    expect(saver.snapshot.editState).toBe("stuck");
    saver.type("naReason", "No listener");
    saver.leaveField();
    expect(server.calls[0]!.payload).toEqual({ status: "NOT_APPLICABLE", note: "", naReason: "No listener", expectedVersion: 1 });
  });

  it("stops at a conflict until the person chooses, and overwrites against their version", async () => {
    const server = fakeServer();
    const saver = new AnswerSaver(answer(1), { send: server.send, onChange: () => {}, debounceMs: 700 });
    saver.choose("PARTIAL");
    const theirs = answer(2, { status: "NOT_MET", note: "theirs" });
    server.calls[0]!.resolve({ ok: false, code: "CONFLICT", message: "changed", current: theirs });
    await vi.waitFor(() => expect(saver.snapshot.conflict).toEqual({ current: theirs }));
    saver.type("note", "mine");
    vi.advanceTimersByTime(1000);
    expect(server.calls).toHaveLength(1);
    saver.overwrite();
    expect(server.calls[1]!.payload).toEqual({ status: "PARTIAL", note: "mine", naReason: "", expectedVersion: 2 });
  });

  it("takes their version when asked", async () => {
    const server = fakeServer();
    const saver = new AnswerSaver(answer(1), { send: server.send, onChange: () => {}, debounceMs: 700 });
    saver.choose("PARTIAL");
    server.calls[0]!.resolve({ ok: false, code: "CONFLICT", message: "changed", current: answer(2, { status: "NOT_MET" }) });
    await vi.waitFor(() => expect(saver.snapshot.saveState.kind).toBe("conflict"));
    saver.takeTheirs();
    expect(saver.snapshot).toMatchObject({ conflict: null, editState: "clean", values: { status: "NOT_MET" }, saved: { version: 2 } });
  });

  it("keeps the text when the server cannot be reached, and a retry sends it", async () => {
    const server = fakeServer();
    const saver = new AnswerSaver(answer(1), { send: server.send, onChange: () => {}, debounceMs: 700 });
    saver.type("note", "keep me");
    vi.advanceTimersByTime(700);
    server.calls[0]!.reject(new Error("offline"));
    await vi.waitFor(() => expect(saver.snapshot.saveState).toEqual({ kind: "failed", message: UNREACHABLE_MESSAGE }));
    expect(saver.snapshot.values.note).toBe("keep me");
    expect(saver.snapshot.editState).toBe("stuck");
    saver.flush();
    expect(server.calls[1]!.payload).toMatchObject({ note: "keep me", expectedVersion: 1 });
  });

  it("adopts a newer answer from a refresh only while nothing is being edited", () => {
    const saver = new AnswerSaver(answer(1), { send: fakeServer().send, onChange: () => {}, debounceMs: 700 });
    saver.adoptServer(answer(2, { status: "NOT_MET" }));
    expect(saver.snapshot.values.status).toBe("NOT_MET");
    saver.type("note", "mine");
    saver.adoptServer(answer(3, { status: "MET", note: "theirs" }));
    expect(saver.snapshot.values).toMatchObject({ status: "NOT_MET", note: "mine" });
  });

  it("sends a pending note when the form goes away", () => {
    const server = fakeServer();
    const saver = new AnswerSaver(answer(1), { send: server.send, onChange: () => {}, debounceMs: 700 });
    saver.type("note", "switching concern");
    saver.dispose();
    expect(server.calls[0]!.payload.note).toBe("switching concern");
  });
});
