import type { AnswerStatus } from "@/lib/domain/types";

// The keys of a focused item card. Pure: the card passes what it knows about the key press and its target.

export type ItemKeyAction = { kind: "answer"; status: AnswerStatus } | { kind: "move"; by: 1 | -1 } | { kind: "evidence" };

/** Keys 1–4 in the order the answer control shows the answers. */
const ANSWER_BY_KEY: Readonly<Record<string, AnswerStatus>> = { "1": "MET", "2": "PARTIAL", "3": "NOT_MET", "4": "NOT_APPLICABLE" };

export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Where the key went: tag name (any case), input type, and whether it is editable text. */
  target: { tagName: string; type?: string; isContentEditable?: boolean };
};

/** Inputs whose keys are characters; radios, checkboxes and buttons are not typed into. */
const NON_TEXT_INPUTS = new Set(["radio", "checkbox", "button", "submit", "reset", "range", "color", "file", "image"]);

export function isTypingTarget(target: KeyPress["target"]): boolean {
  const tag = target.tagName.toLowerCase();
  if (target.isContentEditable) return true;
  if (tag === "textarea" || tag === "select") return true;
  return tag === "input" && !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
}

/** null when the key is not the card's, or the person is typing (then every key is text). */
export function itemKeyAction(press: KeyPress): ItemKeyAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || isTypingTarget(press.target)) return null;
  const status = ANSWER_BY_KEY[press.key];
  if (status) return { kind: "answer", status };
  if (press.key === "j") return { kind: "move", by: 1 };
  if (press.key === "k") return { kind: "move", by: -1 };
  if (press.key === "e") return { kind: "evidence" };
  return null;
}
