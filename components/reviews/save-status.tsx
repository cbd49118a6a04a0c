import { formatDateTime } from "@/lib/format/dates";

export type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "failed"; message: string } | { kind: "conflict" };

export type SaveStatusProps = {
  state: SaveState;
  isDirty: boolean;
  answeredBy: string | null;
  answeredAt: Date | null;
};

/** Saving / saved / failed / unsaved, announced politely so keyboard and screen-reader users hear the outcome. */
export function SaveStatus({ state, isDirty, answeredBy, answeredAt }: SaveStatusProps) {
  let text: string;
  let tone = "text-ink-muted";
  if (state.kind === "saving") {
    text = "Saving…";
  } else if (state.kind === "failed") {
    text = `Not saved: ${state.message}`;
    tone = "text-nogo font-medium";
  } else if (state.kind === "conflict") {
    text = "Not saved: someone else changed this answer. Choose which version to keep.";
    tone = "text-conditional-ink font-medium";
  } else if (isDirty) {
    text = "Unsaved changes (Ctrl+Enter or ⌘+Enter saves)";
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
