// Bounded concurrency for the HTTP front. Beyond `maxConcurrent` requests running at once, up to
// `maxQueued` wait (each at most `maxWaitMs`) for a slot; anything beyond that is refused at once.
// Overload then costs the refused requests a fast 503 instead of costing every request a timeout.

export type AdmissionOptions = { maxConcurrent: number; maxQueued: number; maxWaitMs: number };
export type Refusal = "queue full" | "queue timeout";

type Waiter = { admit: () => void; timer: NodeJS.Timeout };

export type Admission = {
  /**
   * Calls `admit(release)` when the request may run (now or after a wait) or `refuse(reason)` when it
   * may not. Returns a cancel function for a request whose client went away while it waited.
   */
  request: (admit: (release: () => void) => void, refuse: (reason: Refusal) => void) => () => void;
  readonly running: number;
  readonly queued: number;
};

export function createAdmission({ maxConcurrent, maxQueued, maxWaitMs }: AdmissionOptions): Admission {
  let running = 0;
  const queue: Waiter[] = [];

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running--;
      const next = queue.shift();
      if (next) {
        clearTimeout(next.timer);
        next.admit();
      }
    };
  };

  return {
    request(admit, refuse) {
      if (running < maxConcurrent) {
        running++;
        admit(releaser());
        return () => undefined;
      }
      if (queue.length >= maxQueued) {
        refuse("queue full");
        return () => undefined;
      }
      const waiter: Waiter = {
        admit: () => {
          running++;
          admit(releaser());
        },
        timer: setTimeout(() => {
          remove(waiter);
          refuse("queue timeout");
        }, maxWaitMs),
      };
      queue.push(waiter);
      return () => {
        clearTimeout(waiter.timer);
        remove(waiter);
      };
    },
    get running() {
      return running;
    },
    get queued() {
      return queue.length;
    },
  };

  function remove(waiter: Waiter) {
    const at = queue.indexOf(waiter);
    if (at >= 0) queue.splice(at, 1);
  }
}
