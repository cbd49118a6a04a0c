// Fixture builders shared by the domain engine tests. Tests describe scenarios in terms of
// "which item has which answer", so expectations read as product rules, not as engine internals.

import type { AnswerInput, AnswerMap } from "./maturity";
import type { ReviewInput } from "./verdict";
import type { AnswerStatus, ChecklistItemDef, Level } from "./types";
import type { WaiverInput, WaiverStatus } from "./waivers";

export const TODAY = "2025-06-15";
export const YESTERDAY = "2025-06-14";
export const TOMORROW = "2025-06-16";

export function item(key: string, overrides: Partial<Omit<ChecklistItemDef, "key">> = {}): ChecklistItemDef {
  return { key, concernKey: "ops", title: `Title ${key}`, level: 1, isBlocker: false, tiers: [1, 2, 3], ...overrides };
}

/** One non-blocker item per level, keys "l1".."l4". */
export function ladder(overrides: Partial<Omit<ChecklistItemDef, "key" | "level">> = {}): ChecklistItemDef[] {
  return ([1, 2, 3, 4] as const).map((level: Level) => item(`l${level}`, { level, ...overrides }));
}

/** Short answer codes keep scenario tables readable. "-" means no answer at all. */
export type Code = "M" | "P" | "N" | "NA" | "NA!" | "-";

export function answer(code: Code): AnswerInput | undefined {
  const statuses: Record<Exclude<Code, "-" | "NA!">, AnswerStatus> = {
    M: "MET",
    P: "PARTIAL",
    N: "NOT_MET",
    NA: "NOT_APPLICABLE",
  };
  if (code === "-") return undefined;
  // "NA!" is N/A *without* a reason; "NA" carries a real justification.
  if (code === "NA!") return { status: "NOT_APPLICABLE", naReason: "   " };
  if (code === "NA") return { status: "NOT_APPLICABLE", naReason: "No database in this service" };
  return { status: statuses[code] };
}

/** Answers from a key → code record; "-" entries are left out entirely. */
export function answers(codes: Record<string, Code>): AnswerMap {
  const result: Record<string, AnswerInput> = {};
  for (const [key, code] of Object.entries(codes)) {
    const value = answer(code);
    if (value) result[key] = value;
  }
  return result;
}

/** Same code for every item. */
export function answerAll(items: readonly ChecklistItemDef[], code: Code): AnswerMap {
  return answers(Object.fromEntries(items.map((i) => [i.key, code])));
}

export function waiver(itemKey: string, expiresOn: string = TOMORROW, status: WaiverStatus = "APPROVED"): WaiverInput {
  return { itemKey, expiresOn, status };
}

export function reviewInput(overrides: Partial<ReviewInput> = {}): ReviewInput {
  return { items: ladder(), tier: 3, answers: {}, waivers: [], today: TODAY, ...overrides };
}
