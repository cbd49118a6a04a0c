import { describe, expect, it } from "vitest";
import { NA_REASON_REQUIRED, planSave, STATUS_REQUIRED, type AnswerValues } from "./answer-values";
import { itemKeyAction, isTypingTarget } from "./item-keys";

const v = (status: AnswerValues["status"], note = "", naReason = ""): AnswerValues => ({ status, note, naReason });

describe("planSave", () => {
  it.each([
    ["nothing changed", v("MET", "a"), v("MET", "a "), { kind: "none" }],
    ["a reason that no longer matters", v("MET", "", "old"), v("MET"), { kind: "none" }],
    ["nothing chosen and nothing typed", v(""), v(""), { kind: "none" }],
    ["a note without an answer", v("", "typed"), v(""), { kind: "blocked", field: "status", message: STATUS_REQUIRED }],
    ["N/A without a reason", v("NOT_APPLICABLE"), v("MET"), { kind: "blocked", field: "naReason", message: NA_REASON_REQUIRED }],
    ["N/A with a blank reason", v("NOT_APPLICABLE", "", "  "), v(""), { kind: "blocked", field: "naReason", message: NA_REASON_REQUIRED }],
    ["a new answer", v("PARTIAL", "n"), v(""), { kind: "send", status: "PARTIAL", note: "n", naReason: "" }],
    [
      "N/A with its reason",
      v("NOT_APPLICABLE", "", "batch"),
      v("MET"),
      { kind: "send", status: "NOT_APPLICABLE", note: "", naReason: "batch" },
    ],
    [
      "a reason left over from N/A is not sent",
      v("MET", "", "batch"),
      v("NOT_APPLICABLE", "", "batch"),
      { kind: "send", status: "MET", note: "", naReason: "" },
    ],
  ])("%s", (_name, values, saved, plan) => {
    expect(planSave(values, saved)).toEqual(plan);
  });
});

const press = (key: string, tagName = "ARTICLE", extra: { type?: string; ctrlKey?: boolean; isContentEditable?: boolean } = {}) => ({
  key,
  ctrlKey: extra.ctrlKey ?? false,
  metaKey: false,
  altKey: false,
  target: { tagName, type: extra.type, isContentEditable: extra.isContentEditable },
});

describe("itemKeyAction", () => {
  it.each([
    ["1 on the card", press("1"), { kind: "answer", status: "MET" }],
    ["2 on a radio", press("2", "INPUT", { type: "radio" }), { kind: "answer", status: "PARTIAL" }],
    ["3 on a button", press("3", "BUTTON"), { kind: "answer", status: "NOT_MET" }],
    ["4 on a summary", press("4", "SUMMARY"), { kind: "answer", status: "NOT_APPLICABLE" }],
    ["j", press("j"), { kind: "move", by: 1 }],
    ["k", press("k"), { kind: "move", by: -1 }],
    ["e", press("e"), { kind: "evidence" }],
    ["5", press("5"), null],
    ["J (shift)", press("J"), null],
    ["Ctrl+1", press("1", "ARTICLE", { ctrlKey: true }), null],
    ["1 in a textarea", press("1", "TEXTAREA"), null],
    ["j in a url field", press("j", "INPUT", { type: "url" }), null],
    ["e in a text input without a type", press("e", "input"), null],
    ["k in a select", press("k", "SELECT"), null],
    ["2 in editable text", press("2", "DIV", { isContentEditable: true }), null],
  ])("%s", (_name, keyPress, action) => {
    expect(itemKeyAction(keyPress)).toEqual(action);
  });

  it("treats radios and checkboxes as controls, not text", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "search" })).toBe(true);
  });
});
