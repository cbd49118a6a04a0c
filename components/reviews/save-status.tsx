import { formatDateTime } from "@/lib/format/dates";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; message: string }
  /** Not sent: something the person must fill in first (an N/A reason), said beside the field. */
  | { kind: "blocked"; message: string }
  | { kind: "conflict" };

export type SaveStatusProps = {
  state: SaveState;
  isDirty: boolean;
  answeredBy: string | null;
  answeredAt: Date | null;
};

/** Saving / saved / failed / not saved yet, announced politely so keyboard and screen-reader users hear the outcome. */
export function SaveStatus({ state, isDirty, answeredBy, answeredAt }: SaveStatusProps) {
  let text: string;
  let tone = "text-ink-muted";
  if (state.kind === "saving") {
    text = "Saving…";
  } else if (state.kind === "failed") {
    text = `Not saved: ${state.message}`;
    tone = "text-nogo font-medium";
  } else if (state.kind === "blocked") {
    text = `Not saved yet: ${state.message.charAt(0).toLowerCase()}${state.message.slice(1)}.`;
    tone = "text-conditional-ink font-medium";
  } else if (state.kind === "conflict") {
    text = "Not saved: someone else changed this answer. Choose which version to keep.";
    tone = "text-conditional-ink font-medium";
  } else if (isDirty) {
    text = "Unsaved changes, saving shortly…";
    tone = "text-conditional-ink";
  } else if (state.kind === "saved") {
    text = `Saved ${formatDateTime(state.at)}`;
    tone = "text-go-ink";
  } else if (answeredAt) {
    text = `Last saved by ${answeredBy ?? "someone"}, ${formatDateTime(answeredAt)}`;
  } else {
    text = "Not answered yet";
  }
  return (
    <p role="status" aria-live="polite" className={`text-sm ${tone}`}>
      {text}
    </p>
  );
}
