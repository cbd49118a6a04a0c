import type { SaveAnswerResult } from "@/lib/actions/reviews";
import type { AnswerDto } from "@/lib/db/review-dtos";
import type { AnswerStatus } from "@/lib/domain/types";
import { planSave, valuesOf, type AnswerValues } from "./answer-values";
import type { SaveState } from "./save-status";

// One item's autosave, outside React so its order of events is plain code (and tested without a browser): choosing
// an answer saves at once, typing saves after a pause or when the field is left, and saves of one item go out one
// at a time, each with the version the previous one returned. A conflict stops saving until the person chooses.

/** clean: nothing to send. pending: waiting for the pause or on its way. stuck: failed, refused or in conflict. */
export type EditState = "clean" | "pending" | "stuck";

export type SaverSnapshot = {
  values: AnswerValues;
  saved: AnswerDto | null;
  saveState: SaveState;
  fieldErrors: Record<string, string[]>;
  /** Someone else's answer, when a save found that it had changed; `current` null when it vanished. */
  conflict: { current: AnswerDto | null } | null;
  editState: EditState;
};

export type SendAnswer = (payload: {
  status: AnswerStatus;
  note: string;
  naReason: string;
  expectedVersion: number | null;
}) => Promise<SaveAnswerResult>;

export type SaverOptions = {
  send: SendAnswer;
  onChange: (snapshot: SaverSnapshot) => void;
  /** A save that went through, for the page's live progress. */
  onSaved?: (answer: AnswerDto) => void;
  debounceMs: number;
  /** The browser's clock for save timings; absent in tests. */
  measure?: (startedAt: number, ok: boolean) => void;
  now?: () => number;
};

export const UNREACHABLE_MESSAGE = "The server could not be reached. Your text is kept here.";

export class AnswerSaver {
  private state: SaverSnapshot;
  private inFlight = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    initial: AnswerDto | null,
    private readonly options: SaverOptions,
  ) {
    this.state = {
      values: valuesOf(initial),
      saved: initial,
      saveState: { kind: "idle" },
      fieldErrors: {},
      conflict: null,
      editState: "clean",
    };
  }

  get snapshot(): SaverSnapshot {
    return this.state;
  }

  private update(patch: Partial<SaverSnapshot>): void {
    this.state = { ...this.state, ...patch };
    this.options.onChange(this.state);
  }

  private get hasUnsavedValues(): boolean {
    return planSave(this.state.values, valuesOf(this.state.saved)).kind !== "none";
  }

  /** A newer answer from a refresh: taken while nothing is being edited, otherwise the next save reports the conflict. */
  adoptServer(answer: AnswerDto | null): void {
    if (!answer || (this.state.saved && answer.version <= this.state.saved.version)) return;
    if (this.hasUnsavedValues || this.inFlight || this.state.conflict) return;
    this.update({ saved: answer, values: valuesOf(answer) });
  }

  choose(status: AnswerStatus): void {
    this.update({ values: { ...this.state.values, status } });
    this.flush();
  }

  type(field: "note" | "naReason", text: string): void {
    this.update({ values: { ...this.state.values, [field]: text }, editState: this.state.conflict ? "stuck" : "pending" });
    this.clearTimer();
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs);
  }

  /** Leaving a field sends what it holds now instead of waiting for the pause. */
  leaveField(): void {
    if (this.timer) this.flush();
  }

  /** Sends what the form holds, if there is anything to send and nothing is on its way already. */
  flush(): void {
    this.clearTimer();
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (this.state.conflict) return;
    const sent = this.state.values;
    const plan = planSave(sent, valuesOf(this.state.saved));
    if (plan.kind === "none") {
      this.update({
        fieldErrors: {},
        editState: "clean",
        saveState: this.state.saveState.kind === "blocked" ? { kind: "idle" } : this.state.saveState,
      });
      return;
    }
    if (plan.kind === "blocked") {
      this.update({
        fieldErrors: { [plan.field]: [plan.message] },
        saveState: { kind: "blocked", message: plan.message },
        editState: "stuck",
      });
      return;
    }
    this.inFlight = true;
    this.again = false;
    this.update({ fieldErrors: {}, saveState: { kind: "saving" }, editState: "pending" });
    const startedAt = this.options.now?.() ?? 0;
    const payload = { status: plan.status, note: plan.note, naReason: plan.naReason, expectedVersion: this.state.saved?.version ?? null };
    void this.options
      .send(payload)
      .catch((): SaveAnswerResult => ({ ok: false, message: UNREACHABLE_MESSAGE }))
      .then((result) => {
        this.inFlight = false;
        this.options.measure?.(startedAt, result.ok);
        this.settle(result, sent);
      });
  }

  private settle(result: SaveAnswerResult, sent: AnswerValues): void {
    if (result.ok) {
      // Keep anything typed while the save was in flight; otherwise show what the server stored.
      const typedMeanwhile = this.state.values !== sent;
      this.update({
        saved: result.data,
        values: typedMeanwhile ? this.state.values : valuesOf(result.data),
        saveState: { kind: "saved", at: result.data.answeredAt },
      });
      this.options.onSaved?.(result.data);
      if (this.again || typedMeanwhile) this.flush();
      else this.update({ editState: "clean" });
    } else if (result.code === "CONFLICT" && "current" in result) {
      this.update({ conflict: { current: result.current ?? null }, saveState: { kind: "conflict" }, editState: "stuck" });
    } else {
      this.update({ fieldErrors: result.fieldErrors ?? {}, saveState: { kind: "failed", message: result.message }, editState: "stuck" });
    }
  }

  /** Their version wins: it becomes what the form shows. */
  takeTheirs(): void {
    const current = this.state.conflict?.current ?? null;
    this.update({
      saved: current,
      values: valuesOf(current),
      conflict: null,
      saveState: { kind: "idle" },
      fieldErrors: {},
      editState: "clean",
    });
  }

  /** Mine wins: their version becomes the one last seen, and what the form holds goes out against it. */
  overwrite(): void {
    const current = this.state.conflict?.current ?? null;
    this.update({ saved: current, conflict: null });
    this.flush();
  }

  /** The form goes away (another concern): a pending pause is cut short so the text still goes out. */
  dispose(): void {
    if (this.timer) this.flush();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
