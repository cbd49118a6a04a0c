import { afterEach, describe, expect, it, vi } from "vitest";
import { createAdmission, type Refusal } from "@/lib/server/admission";

function recorder() {
  const admitted: (() => void)[] = [];
  const refused: Refusal[] = [];
  return {
    admitted,
    refused,
    admit: (release: () => void) => admitted.push(release),
    refuse: (reason: Refusal) => refused.push(reason),
  };
}

describe("createAdmission", () => {
  afterEach(() => vi.useRealTimers());

  it("runs up to the limit at once, queues the next ones and refuses beyond the queue immediately", () => {
    const admission = createAdmission({ maxConcurrent: 2, maxQueued: 1, maxWaitMs: 1000 });
    const r = recorder();
    for (let i = 0; i < 4; i++) admission.request(r.admit, r.refuse);
    expect(r.admitted).toHaveLength(2);
    expect(admission.queued).toBe(1);
    expect(r.refused).toEqual(["queue full"]);

    r.admitted[0]?.();
    expect(r.admitted).toHaveLength(3);
    expect(admission.running).toBe(2);
    expect(admission.queued).toBe(0);
  });

  it("a release counts once, however often it is called", () => {
    const admission = createAdmission({ maxConcurrent: 1, maxQueued: 0, maxWaitMs: 1000 });
    const r = recorder();
    admission.request(r.admit, r.refuse);
    r.admitted[0]?.();
    r.admitted[0]?.();
    expect(admission.running).toBe(0);
    admission.request(r.admit, r.refuse);
    admission.request(r.admit, r.refuse);
    expect(admission.running).toBe(1);
    expect(r.refused).toEqual(["queue full"]);
  });

  it("refuses a request that waited too long, and forgets one whose client left", () => {
    vi.useFakeTimers();
    const admission = createAdmission({ maxConcurrent: 1, maxQueued: 5, maxWaitMs: 100 });
    const r = recorder();
    admission.request(r.admit, r.refuse);
    admission.request(r.admit, r.refuse);
    const cancel = admission.request(r.admit, r.refuse);
    cancel();
    expect(admission.queued).toBe(1);
    vi.advanceTimersByTime(100);
    expect(r.refused).toEqual(["queue timeout"]);
    expect(admission.queued).toBe(0);
    r.admitted[0]?.();
    expect(r.admitted).toHaveLength(1);
    expect(admission.running).toBe(0);
  });
});
