import type { AnswerDto } from "@/lib/db/review-dtos";
import type { AnswerStatus } from "@/lib/domain/types";

// What an answer form holds and when it may be sent. Pure, so the autosave rules are tested without a browser.

export type AnswerValues = { status: AnswerStatus | ""; note: string; naReason: string };

export const NA_REASON_REQUIRED = "Explain why this item does not apply";
export const STATUS_REQUIRED = "Choose an answer to save the note";

export function valuesOf(answer: Pick<AnswerDto, "status" | "note" | "naReason"> | null): AnswerValues {
  return answer ? { status: answer.status, note: answer.note, naReason: answer.naReason ?? "" } : { status: "", note: "", naReason: "" };
}

export function sameValues(a: AnswerValues, b: AnswerValues): boolean {
  // The reason only matters for N/A, exactly as the server stores it.
  const reason = (v: AnswerValues) => (v.status === "NOT_APPLICABLE" ? v.naReason.trim() : "");
  return a.status === b.status && a.note.trim() === b.note.trim() && reason(a) === reason(b);
}

export type SavePlan =
  | { kind: "none" }
  /** Not sent: the server would refuse it, or it would store an unjustified N/A. The field says why. */
  | { kind: "blocked"; field: "status" | "naReason"; message: string }
  | { kind: "send"; status: AnswerStatus; note: string; naReason: string };

/** What to do with what the form holds now, given what the server last stored. */
export function planSave(values: AnswerValues, saved: AnswerValues): SavePlan {
  if (sameValues(values, saved)) return { kind: "none" };
  if (values.status === "")
    return values.note.trim() === "" ? { kind: "none" } : { kind: "blocked", field: "status", message: STATUS_REQUIRED };
  if (values.status === "NOT_APPLICABLE" && values.naReason.trim() === "") {
    return { kind: "blocked", field: "naReason", message: NA_REASON_REQUIRED };
  }
  return { kind: "send", status: values.status, note: values.note, naReason: values.status === "NOT_APPLICABLE" ? values.naReason : "" };
}
