// A review as a plain document: the data a printable report and a Markdown export both render, and
// the Markdown itself. Pure: no clock (every date is passed in), so the same review always gives the
// same bytes — a reviewer can diff two exports, and a test can pin the output.

import { normalizeHttpUrl } from "./links";
import { levelName, type EvaluationHeadline } from "./headline";
import type { ConcernScore, ItemOutcome, OutcomeCounts, OutcomeMap } from "./maturity";
import { concernCountCells } from "./outcome-counts";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import {
  ANSWER_WORDS,
  CONCERN_COUNT_HEADINGS,
  ITEM_OUTCOME_WORDS,
  NO_VERDICT_WORDS,
  REVIEW_STATUS_WORDS,
  SEVERITY_WORDS,
  TRIGGER_WORDS,
  VERDICT_WORDS,
  WAIVER_STATUS_WORDS,
} from "./words";
import type {
  AchievedLevel,
  AnswerStatus,
  ChecklistItemDef,
  EvidenceKind,
  Level,
  ReviewStatus,
  ReviewTrigger,
  Tier,
  Verdict,
} from "./types";
import type { ReasonCode, ReasonSeverity } from "./verdict";
import type { WaiverStatus } from "./waivers";

export type ReportEvidence = { title: string; url: string; kind: EvidenceKind };
export type ReportAnswer = { status: AnswerStatus; note: string; naReason: string | null; evidence: readonly ReportEvidence[] };

export type ReportItem = {
  key: string;
  title: string;
  level: Level;
  isBlocker: boolean;
  /** null when the item was never answered. */
  answer: ReportAnswer | null;
  outcome: ItemOutcome;
};

/** Counted exactly as the overview counts them (OutcomeCounts): N/A is its own count and stays in the total. */
export type ReportCounts = Omit<OutcomeCounts, "score">;
export type ReportConcern = { key: string; title: string; counts: ReportCounts; items: ReportItem[] };

export type ReportWaiver = {
  itemKey: string;
  itemTitle: string;
  status: WaiverStatus;
  reason: string;
  compensatingControl: string;
  riskOwner: string;
  /** YYYY-MM-DD, the last day it counts. */
  expiresOn: string;
  /** The approver as the viewer may see them: "Name", or "Name (email)" for admins. */
  approvedBy: string | null;
  /** Counted on the day the review was evaluated for. */
  isActive: boolean;
};

export type ReportReason = {
  severity: ReasonSeverity;
  code: ReasonCode;
  message: string;
  items: { key: string; title: string; outcome: ItemOutcome }[];
};

export type ReviewReport = {
  reviewId: string;
  service: { name: string; slug: string; tier: Tier; teamName: string };
  template: { name: string; version: number };
  trigger: ReviewTrigger;
  status: ReviewStatus;
  /** ISO timestamps; people by name, as "Name (email)" for admins. */
  startedAt: string;
  startedBy: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  targetDate: string | null;
  decision: Verdict | null;
  decisionNote: string | null;
  /** True when everything below comes from the decision's snapshot. */
  isFrozen: boolean;
  evaluatedOn: string;
  verdict: Verdict;
  /** The verdict and standing in words, the same the overview prints. */
  headline: EvaluationHeadline;
  /** Each reason with the items it names (title and outcome), in template order. */
  reasons: ReportReason[];
  level: AchievedLevel;
  levelWithoutWaivers: AchievedLevel;
  target: Level;
  concerns: ReportConcern[];
  waivers: ReportWaiver[];
};

/** What a reader should take from an item's row: the stored answer, and whether a waiver is what makes it count. */
export function answerText(item: Pick<ReportItem, "answer" | "outcome">): string {
  const base = item.answer ? ANSWER_WORDS[item.answer.status] : ITEM_OUTCOME_WORDS.UNANSWERED;
  if (item.outcome === "WAIVED") return `${base} (waived)`;
  if (item.answer?.status === "NOT_APPLICABLE" && item.outcome !== "NA") return `${base} (no reason given)`;
  return base;
}

const NO_COUNTS: ReportCounts = { total: 0, answered: 0, met: 0, na: 0, waived: 0, partial: 0, notMet: 0, unanswered: 0 };

/**
 * Items grouped under their concern in template order. The counts are the evaluation's own per-concern counts
 * (`scores`, the ones the overview shows), never recounted here.
 */
export function buildReportConcerns(
  concerns: readonly { key: string; title: string }[],
  applicableItems: readonly ChecklistItemDef[],
  answers: Readonly<Record<string, ReportAnswer | undefined>>,
  outcomes: OutcomeMap,
  scores: readonly ConcernScore[],
): ReportConcern[] {
  const byConcern = new Map(scores.map((score) => [score.concernKey, score]));
  return concerns
    .map((concern) => {
      const items = applicableItems
        .filter((item) => item.concernKey === concern.key)
        .map((item) => ({
          key: item.key,
          title: item.title,
          level: item.level,
          isBlocker: item.isBlocker,
          answer: answers[item.key] ?? null,
          outcome: outcomes[item.key] ?? "UNANSWERED",
        }));
      const score = byConcern.get(concern.key);
      const counts: ReportCounts = score
        ? {
            total: score.total,
            answered: score.answered,
            met: score.met,
            na: score.na,
            waived: score.waived,
            partial: score.partial,
            notMet: score.notMet,
            unanswered: score.unanswered,
          }
        : NO_COUNTS;
      return { key: concern.key, title: concern.title, counts, items };
    })
    .filter((concern) => concern.items.length > 0);
}

// Backslash-escaping the inline Markdown metacharacters means user text (notes, titles, reasons) can
// never open a link or image (no `[`), emphasis, a code span, raw HTML or an autolink (no `<`), a table
// cell (no `|`) or math (no `$`); `&` is escaped so "&lt;" stays literal. `(` and `!` are harmless without `[`.
const INLINE_SPECIALS = /[\\`*_{}[\]<>#|~&$]/g;

export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIALS, (char) => `\\${char}`);
}

/** A table cell is one line: line breaks become <br> (our own tag; user `<` is already escaped). */
export function escapeCell(text: string): string {
  return escapeInline(text.trim()).replace(/\r\n|\r|\n/g, "<br>");
}

/** Only http(s) URLs become links; the destination is normalised and has the characters that end a link percent-encoded. */
export function safeLinkTarget(url: string): string | null {
  const href = normalizeHttpUrl(url);
  if (href === null) return null;
  return href.replace(/[()<>|\s\\`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

export function evidenceMarkdown(evidence: ReportEvidence): string {
  const target = safeLinkTarget(evidence.url);
  const title = escapeCell(evidence.title || evidence.url);
  // A refused URL is still shown, as inert text, so the reader knows what was attached.
  return target ? `[${title}](${target})` : `${title} (${escapeCell(evidence.url)})`;
}

function when(iso: string | null, by: string | null = null): string {
  if (!iso) return "—";
  const stamp = formatDateTime(iso);
  return by ? `${stamp} by ${escapeCell(by)}` : stamp;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell || " ").join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}

function metadata(report: ReviewReport): string[] {
  const rows: [string, string][] = [
    ["Service", `${escapeCell(report.service.name)} (${escapeCell(report.service.slug)})`],
    ["Team", escapeCell(report.service.teamName)],
    ["Tier", String(report.service.tier)],
    ["Trigger", TRIGGER_WORDS[report.trigger]],
    ["Status", REVIEW_STATUS_WORDS[report.status]],
    ["Checklist", `${escapeCell(report.template.name)} v${report.template.version}`],
    ["Started", when(report.startedAt, report.startedBy)],
    ["Submitted", when(report.submittedAt, report.submittedBy)],
    ["Decided", when(report.decidedAt, report.decidedBy)],
    ["Decision", report.decision ? VERDICT_WORDS[report.decision] : NO_VERDICT_WORDS],
    ["Decision note", report.decisionNote ? escapeCell(report.decisionNote) : "—"],
    ["Target date", report.targetDate ? formatDate(report.targetDate) : "—"],
  ];
  return table(["Field", "Value"], rows);
}

function itemNotes(item: ReportItem): string {
  const parts: string[] = [];
  if (item.answer?.naReason?.trim()) parts.push(`N/A reason: ${escapeCell(item.answer.naReason)}`);
  if (item.answer?.note.trim()) parts.push(escapeCell(item.answer.note));
  return parts.join("<br>");
}

/** The whole review as GitHub-flavoured Markdown, ending with one newline. */
export function reviewToMarkdown(report: ReviewReport): string {
  const basis = report.isFrozen
    ? `Frozen when the review was decided; evaluated for ${formatDate(report.evaluatedOn)}.`
    : `Live: from the answers and active waivers as of ${formatDate(report.evaluatedOn)}.`;
  const lines: string[] = [`# Readiness review: ${escapeInline(report.service.name)}`, "", ...metadata(report), ""];

  lines.push("## Verdict", "", `**Computed verdict:** ${escapeInline(report.headline.verdict)}. ${basis}`, "");
  if (report.headline.waiting) lines.push(escapeInline(report.headline.waiting), "");
  if (report.reasons.length === 0) lines.push("Nothing stands in the way.");
  for (const reason of report.reasons) {
    lines.push(`- **${SEVERITY_WORDS[reason.severity]}:** ${escapeInline(reason.message)}`);
    // A document lists every item a reason stands for; a single one is already named in the message.
    if (reason.items.length > 1) {
      for (const item of reason.items) lines.push(`  - ${escapeInline(item.title)} (${ITEM_OUTCOME_WORDS[item.outcome]})`);
    }
  }
  lines.push("");

  lines.push("## Level", "", escapeInline(report.headline.standing), "");
  lines.push(
    ...table(
      ["Measure", "Level"],
      [
        ["With waivers", levelName(report.level)],
        ["Without waivers", levelName(report.levelWithoutWaivers)],
        [`Target for tier ${report.service.tier}`, levelName(report.target)],
      ],
    ),
    "",
  );

  lines.push("## Concerns", "");
  const summaryRows = report.concerns.map((c) => [escapeCell(c.title), ...concernCountCells(c.counts)]);
  lines.push(...table(["Concern", ...CONCERN_COUNT_HEADINGS], summaryRows), "");

  lines.push("## Items", "");
  for (const concern of report.concerns) {
    const rows = concern.items.map((item) => [
      `${escapeCell(item.title)}${item.isBlocker ? " **(blocker)**" : ""}`,
      `L${item.level}`,
      answerText(item),
      itemNotes(item),
      (item.answer?.evidence ?? []).map(evidenceMarkdown).join("<br>"),
    ]);
    lines.push(`### ${escapeInline(concern.title)}`, "", ...table(["Item", "Level", "Answer", "Note", "Evidence"], rows), "");
  }

  lines.push("## Waivers", "");
  if (report.waivers.length === 0) lines.push("No waivers.", "");
  else {
    const rows = report.waivers.map((w) => [
      escapeCell(w.itemTitle),
      `${WAIVER_STATUS_WORDS[w.status]}${w.status === "APPROVED" && !w.isActive ? " (expired)" : ""}`,
      escapeCell(w.reason),
      escapeCell(w.compensatingControl),
      escapeCell(w.riskOwner),
      formatDate(w.expiresOn),
      w.approvedBy ? escapeCell(w.approvedBy) : "—",
    ]);
    lines.push(...table(["Item", "Status", "Reason", "Compensating control", "Risk owner", "Expires", "Approved by"], rows), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** review-<slug>-<YYYY-MM-DD>.md; the slug is reduced to filename-safe characters whatever is stored. */
export function markdownFileName(slug: string, day: string): string {
  const safe =
    slug
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "service";
  return `review-${safe}-${day}.md`;
}

export { SEVERITY_WORDS };
