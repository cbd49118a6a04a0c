// The review's audit trail told as sentences: "Priya Patel marked "Health check endpoint" as met". Pure: the
// caller passes the events as the viewer may read them (names only, addresses already removed for non-admins)
// and the item titles. The exact before/after stays available beside each sentence for auditors.

import type { AnswerStatus, Verdict } from "./types";
import { ANSWER_WORDS, CONCERN_WORK_STATUS_WORDS, TRIGGER_WORDS, VERDICT_WORDS } from "./words";
import type { ConcernWorkStatus } from "./concern-assignments";
import { formatDate } from "@/lib/format/dates";

/** Every action the audit log records against a review (lib/db writes them; a test keeps this list complete). */
export const REVIEW_AUDIT_ACTIONS = [
  "review.start",
  "review.carry-forward",
  "answer.create",
  "answer.update",
  "answer.confirm",
  "evidence.add",
  "evidence.remove",
  "waiver.request",
  "waiver.approve",
  "waiver.reject",
  "waiver.revoke",
  "waiver.approve.refused",
  "waiver.reject.refused",
  "review.submit",
  "review.reopen",
  "review.decide",
  "review.decide.refused",
  "concern.assign",
  "concern.start",
] as const;
export type ReviewAuditAction = (typeof REVIEW_AUDIT_ACTIONS)[number];

export type HistoryEvent = {
  action: string;
  /** The person's name, or null when the system acted. */
  actorName: string | null;
  before: unknown;
  after: unknown;
};

type Values = Record<string, unknown>;

function asRecord(value: unknown): Values {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Values) : {};
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const quoted = (title: string) => `“${title}”`;
const isStatus = (value: unknown): value is AnswerStatus => typeof value === "string" && value in ANSWER_WORDS;
const statusWords = (value: unknown) => (isStatus(value) ? ANSWER_WORDS[value].toLowerCase() : "an unknown answer");
const isWorkStatus = (value: unknown): value is ConcernWorkStatus => typeof value === "string" && value in CONCERN_WORK_STATUS_WORDS;
const isVerdict = (value: unknown): value is Verdict => typeof value === "string" && value in VERDICT_WORDS;
const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Context = { before: Values; after: Values; item: string };

function answerChange({ before, after, item }: Context): string {
  if (before.status !== after.status) return `marked ${item} as ${statusWords(after.status)} (was ${statusWords(before.status)})`;
  if (before.naReason !== after.naReason) return `changed why ${item} does not apply`;
  if (before.note !== after.note) return text(after.note) ? `edited the note on ${item}` : `cleared the note on ${item}`;
  if (before.confirmed === false && after.confirmed === true)
    return `confirmed the carried answer on ${item} (${statusWords(after.status)})`;
  return `saved ${item} again as ${statusWords(after.status)}`;
}

function decision({ after }: Context): string {
  const decided = isVerdict(after.decision) ? VERDICT_WORDS[after.decision].toLowerCase() : "a decision";
  const computed = isVerdict(after.computedVerdict) ? after.computedVerdict : null;
  const stricter = computed && computed !== after.decision ? ` (computed: ${VERDICT_WORDS[computed].toLowerCase()})` : "";
  return `decided: ${decided}${stricter}`;
}

const refusal =
  (attempt: string) =>
  ({ after }: Context) => {
    const reason = text(after.reason);
    return reason ? `tried to ${attempt} and was refused: ${reason}` : `tried to ${attempt} and was refused`;
  };

/** The concern an assignment event is about, by the title it had then (its key for older entries). */
function concernName(values: Values): string {
  return quoted(text(values.concernTitle) ?? text(values.concernKey) ?? "a concern");
}

/** Names for readers who may not see addresses (lib/db turns "assigneeEmail" into "assignee"), addresses for admins. */
const assigneeOf = (values: Values): string | null => text(values.assignee) ?? text(values.assigneeEmail);

function concernAssignment({ before, after }: Context): string {
  const concern = concernName(after);
  const status = isWorkStatus(after.status) ? CONCERN_WORK_STATUS_WORDS[after.status].toLowerCase() : "an unknown status";
  const assignee = assigneeOf(after);
  if (assignee !== assigneeOf(before))
    return assignee ? `assigned ${concern} to ${assignee} (${status})` : `unassigned ${concern} (${status})`;
  const open = typeof after.openItems === "number" ? after.openItems : 0;
  return after.status === "DONE" && open > 0
    ? `marked ${concern} as done with ${plural(open, "item", "items")} still unanswered`
    : `marked ${concern} as ${status}`;
}

function evidenceTitle(values: Values): string {
  return quoted(text(values.title) ?? text(values.url) ?? "a link");
}

const SENTENCES: Record<ReviewAuditAction, (c: Context) => string> = {
  "review.start": ({ after }) => {
    const trigger = typeof after.trigger === "string" && after.trigger in TRIGGER_WORDS ? after.trigger : null;
    return trigger ? `started the review (${TRIGGER_WORDS[trigger as keyof typeof TRIGGER_WORDS].toLowerCase()})` : "started the review";
  },
  "review.carry-forward": ({ after }) => {
    const carried = `carried forward ${plural(count(after.carriedItemKeys), "answer", "answers")} from the previous review`;
    const left = count(after.leftBehindItemKeys);
    return left > 0 ? `${carried}; ${plural(left, "item is", "items are")} no longer in the checklist` : carried;
  },
  "answer.create": ({ after, item }) => `marked ${item} as ${statusWords(after.status)}`,
  "answer.update": answerChange,
  "answer.confirm": ({ after, item }) => `confirmed the carried answer on ${item} (${statusWords(after.status)})`,
  "evidence.add": ({ after, item }) => `added evidence ${evidenceTitle(after)} to ${item}`,
  "evidence.remove": ({ before, item }) => `removed evidence ${evidenceTitle(before)} from ${item}`,
  "waiver.request": ({ after, item }) => {
    const until = text(after.expiresOn);
    return until ? `requested a waiver for ${item} until ${formatDate(until)}` : `requested a waiver for ${item}`;
  },
  "waiver.approve": ({ item }) => `approved the waiver for ${item}`,
  "waiver.reject": ({ item }) => `rejected the waiver for ${item}`,
  "waiver.revoke": ({ before, item }) =>
    before.status === "PENDING" ? `withdrew the waiver request for ${item}` : `revoked the waiver for ${item}`,
  "waiver.approve.refused": refusal("approve a waiver"),
  "waiver.reject.refused": refusal("reject a waiver"),
  "review.submit": () => "signed the review as the service owner and submitted it for decision",
  "review.reopen": () => "reopened the review as a draft",
  "review.decide": decision,
  "review.decide.refused": refusal("decide the review"),
  "concern.assign": concernAssignment,
  "concern.start": ({ after }) => `started ${concernName(after)} by answering its first item`,
};

export function isReviewAuditAction(action: string): action is ReviewAuditAction {
  return (REVIEW_AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** The item an event is about, when it names one (answers, evidence and waivers carry their item key). */
export function eventItemKey(event: Pick<HistoryEvent, "before" | "after">): string | null {
  const key = asRecord(event.after).itemKey ?? asRecord(event.before).itemKey;
  return typeof key === "string" ? key : null;
}

/** One sentence, starting with who acted; an action this list does not know is still told, by its key. */
export function historySentence(event: HistoryEvent, itemTitles: ReadonlyMap<string, string>): string {
  const actor = event.actorName ?? "Shipshape";
  const key = eventItemKey(event);
  const item = quoted(key ? (itemTitles.get(key) ?? key) : "an item");
  const context = { before: asRecord(event.before), after: asRecord(event.after), item };
  const tell = isReviewAuditAction(event.action) ? SENTENCES[event.action] : null;
  return `${actor} ${tell ? tell(context) : `recorded “${event.action}”`}`;
}

export type FieldChange = { field: string; before: string; after: string };

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** "levelWithoutWaivers" → "level without waivers". */
function fieldLabel(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The exact values behind a sentence: each field whose value differs, before → after (the item key is context). */
export function changesOf(before: unknown, after: unknown): FieldChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => field !== "itemKey");
  return fields
    .filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]))
    .map((field) => ({ field: fieldLabel(field), before: show(a[field]), after: show(b[field]) }));
}

/** Events grouped by UTC calendar day, keeping their order (newest first as the log reads them). */
export function groupByDay<E extends { at: Date }>(events: readonly E[]): { day: string; events: E[] }[] {
  const groups: { day: string; events: E[] }[] = [];
  for (const event of events) {
    const day = event.at.toISOString().slice(0, 10);
    const last = groups.at(-1);
    if (last?.day === day) last.events.push(event);
    else groups.push({ day, events: [event] });
  }
  return groups;
}
