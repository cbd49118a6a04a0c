import { describe, expect, it } from "vitest";
import { evaluationHeadline } from "./headline";
import { OUTCOME_COUNT_KEYS } from "./outcome-counts";
import { REVIEW_CSV_HEADERS, REVIEW_CSV_TOTAL, reviewCountsCsv } from "./review-csv";
import { buildReportConcerns, reviewToMarkdown, type ReportAnswer, type ReviewReport } from "./review-markdown";
import { item } from "./test-helpers";
import { evaluateReview } from "./verdict";
import { CONCERN_COUNT_HEADINGS, OUTCOME_COUNT_WORDS } from "./words";

// One review, counted by the overview (the evaluation's concern scores), the report, the Markdown export and the
// CSV: the figures must be the same everywhere, with justified N/A as its own count inside the total.

const items = [
  item("a.met", { concernKey: "a", title: "Health check endpoint" }),
  item("a.na", { concernKey: "a", title: "Queue depth alert" }),
  item("a.na-bare", { concernKey: "a", title: "Cache hit ratio" }),
  item("a.partial", { concernKey: "a", title: "Runbook", level: 2 }),
  item("b.waived", { concernKey: "b", title: "Image scanning", level: 2 }),
  item("b.not-met", { concernKey: "b", title: "Load test", level: 3 }),
  item("b.blank", { concernKey: "b", title: "Chaos drill", level: 4 }),
];
const given: Record<string, ReportAnswer> = {
  "a.met": { status: "MET", note: "", naReason: null, evidence: [] },
  "a.na": { status: "NOT_APPLICABLE", note: "", naReason: "No queue in this service", evidence: [] },
  "a.na-bare": { status: "NOT_APPLICABLE", note: "", naReason: " ", evidence: [] },
  "a.partial": { status: "PARTIAL", note: "", naReason: null, evidence: [] },
  "b.not-met": { status: "NOT_MET", note: "", naReason: null, evidence: [] },
};
const evaluation = evaluateReview({
  items,
  tier: 2,
  answers: Object.fromEntries(Object.entries(given).map(([key, a]) => [key, { status: a.status, naReason: a.naReason }])),
  waivers: [{ itemKey: "b.waived", expiresOn: "2030-01-01", status: "APPROVED" }],
  today: "2026-12-01",
});
const concerns = [
  { key: "a", title: "Operations" },
  { key: "b", title: "Security" },
];
const report: ReviewReport = {
  reviewId: "r",
  service: { name: "Payments", slug: "payments", tier: 2, teamName: "Money" },
  template: { name: "Default", version: 1 },
  trigger: "QUARTERLY",
  status: "DRAFT",
  startedAt: "2026-11-30T09:00:00.000Z",
  startedBy: null,
  submittedAt: null,
  submittedBy: null,
  decidedAt: null,
  decidedBy: null,
  targetDate: null,
  decision: null,
  decisionNote: null,
  isFrozen: false,
  evaluatedOn: "2026-12-01",
  verdict: evaluation.verdict,
  headline: evaluationHeadline(evaluation),
  reasons: [],
  level: evaluation.level,
  levelWithoutWaivers: evaluation.levelWithoutWaivers,
  target: evaluation.target,
  concerns: buildReportConcerns(concerns, evaluation.applicableItems, given, evaluation.outcomes, evaluation.concerns),
  waivers: [],
};

type Figures = Record<"answered" | "total" | (typeof OUTCOME_COUNT_KEYS)[number], number>;

function figuresFromCells(answeredOfTotal: string, outcomeCells: readonly string[]): Figures {
  const [answered, total] = answeredOfTotal.split("/").map(Number);
  return {
    answered: answered!,
    total: total!,
    ...Object.fromEntries(OUTCOME_COUNT_KEYS.map((key, i) => [key, Number(outcomeCells[i])])),
  } as Figures;
}

const pick = (counts: Figures): Figures =>
  ({
    answered: counts.answered,
    total: counts.total,
    ...Object.fromEntries(OUTCOME_COUNT_KEYS.map((key) => [key, counts[key]])),
  }) as Figures;

function fromMarkdown(title: string): Figures {
  const markdown = reviewToMarkdown(report);
  expect(markdown).toContain(`| Concern | ${CONCERN_COUNT_HEADINGS.join(" | ")} |`);
  const line = markdown.split("\n").find((l) => l.startsWith(`| ${title} | `) && /\d+\/\d+/.test(l));
  const cells = (line ?? "")
    .split("|")
    .map((c) => c.trim())
    .slice(2, -1);
  return figuresFromCells(cells[0]!, cells.slice(1));
}

function fromCsv(title: string): Figures {
  const rows = reviewCountsCsv(report)
    .split("\r\n")
    .map((line) => line.split(","));
  expect(rows[0]).toEqual([...REVIEW_CSV_HEADERS]);
  const cells = rows.find((r) => r[0] === title) ?? [];
  const [, total, answered, ...rest] = cells;
  return figuresFromCells(`${answered}/${total}`, rest);
}

describe("one count of a review everywhere", () => {
  it.each(concerns)("$title: overview, report, Markdown and CSV agree", ({ key, title }) => {
    const overview = pick(evaluation.concerns.find((c) => c.concernKey === key)!);
    const fromReport = pick(report.concerns.find((c) => c.key === key)!.counts);
    expect(fromReport).toEqual(overview);
    expect(fromMarkdown(title)).toEqual(overview);
    expect(fromCsv(title)).toEqual(overview);
  });

  it("counts justified N/A on its own, inside the total; an N/A without a reason is unanswered", () => {
    const ops = evaluation.concerns.find((c) => c.concernKey === "a")!;
    expect(ops).toMatchObject({ total: 4, answered: 4, met: 1, na: 1, partial: 1, unanswered: 1 });
    expect(OUTCOME_COUNT_WORDS.na).toBe("N/A");
  });

  it("the CSV's last row adds up the whole review", () => {
    const rows = reviewCountsCsv(report).trimEnd().split("\r\n");
    expect(rows.at(-1)).toBe(`${REVIEW_CSV_TOTAL},7,5,1,1,1,1,1,2`);
  });
});
