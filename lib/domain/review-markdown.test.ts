import { describe, expect, it } from "vitest";
import {
  answerText,
  buildReportConcerns,
  escapeCell,
  escapeInline,
  evidenceMarkdown,
  markdownFileName,
  reviewToMarkdown,
  safeLinkTarget,
  type ReportAnswer,
  type ReviewReport,
} from "./review-markdown";
import { evaluationHeadline } from "./headline";
import { item } from "./test-helpers";
import { evaluateReview } from "./verdict";

const items = [
  item("ops.health", { title: "Health endpoint", concernKey: "ops", isBlocker: true }),
  item("ops.db", { title: "Database backups", concernKey: "ops", level: 2 }),
  item("sec.scan", { title: "Image scanning", concernKey: "sec", level: 3 }),
];

const answers: Record<string, ReportAnswer> = {
  "ops.health": {
    status: "MET",
    note: "Checked | twice\nby *ops*",
    naReason: null,
    evidence: [
      { title: "Grafana [prod]", url: "https://grafana.example.com/d/abc?x=(1)", kind: "DASHBOARD" },
      { title: "Click me", url: "javascript:alert(1)", kind: "OTHER" },
    ],
  },
  "ops.db": { status: "NOT_APPLICABLE", note: "", naReason: "Stateless: no database", evidence: [] },
};

// Tier 1 targets L3: "Image scanning" counts only by its waiver, so the target is reached only thanks to it.
const evaluation = evaluateReview({
  items,
  tier: 1,
  answers: Object.fromEntries(Object.entries(answers).map(([key, a]) => [key, { status: a.status, naReason: a.naReason }])),
  waivers: [{ itemKey: "sec.scan", expiresOn: "2025-06-01", status: "APPROVED" }],
  today: "2025-03-03",
});
const titles = new Map(items.map((i) => [i.key, i.title]));

function report(overrides: Partial<ReviewReport> = {}): ReviewReport {
  return {
    reviewId: "r-1",
    service: { name: "Payments <API>", slug: "payments-api", tier: 1, teamName: "Team | Money" },
    template: { name: "Default", version: 1 },
    trigger: "QUARTERLY",
    status: "DECIDED",
    startedAt: "2025-03-01T09:15:00.000Z",
    startedBy: "Ed Itor (ed@example.com)",
    submittedAt: "2025-03-02T10:00:00.000Z",
    submittedBy: "Ed Itor (ed@example.com)",
    decidedAt: "2025-03-03T11:30:00.000Z",
    decidedBy: "Ann Prover (ann@example.com)",
    targetDate: null,
    decision: "CONDITIONAL_GO",
    decisionNote: "Ship it\nbut watch",
    isFrozen: true,
    evaluatedOn: "2025-03-03",
    verdict: evaluation.verdict,
    headline: evaluationHeadline(evaluation),
    reasons: evaluation.reasons.map((r) => ({
      severity: r.severity,
      code: r.code,
      message: r.message,
      items: r.itemKeys.map((key) => ({ key, title: titles.get(key) ?? key, outcome: evaluation.outcomes[key] ?? "UNANSWERED" })),
    })),
    level: evaluation.level,
    levelWithoutWaivers: evaluation.levelWithoutWaivers,
    target: evaluation.target,
    concerns: buildReportConcerns(
      [
        { key: "ops", title: "Operations" },
        { key: "sec", title: "Security" },
        { key: "empty", title: "Nothing applicable" },
      ],
      items,
      answers,
      evaluation.outcomes,
      evaluation.concerns,
    ),
    waivers: [
      {
        itemKey: "sec.scan",
        itemTitle: "Image scanning",
        status: "APPROVED",
        reason: "Scanner migration",
        compensatingControl: "Manual review",
        riskOwner: "CISO",
        expiresOn: "2025-06-01",
        approvedBy: "Ann Prover (ann@example.com)",
        isActive: true,
      },
    ],
    ...overrides,
  };
}

describe("escaping", () => {
  it.each([
    ["a | b", "a \\| b"],
    ["[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"],
    ["<script>", "\\<script\\>"],
    ["*bold* _it_ `code` ~s~", "\\*bold\\* \\_it\\_ \\`code\\` \\~s\\~"],
    ["&lt; $x$ #1", "\\&lt; \\$x\\$ \\#1"],
    ["back\\slash", "back\\\\slash"],
  ])("escapeInline(%j)", (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
  });

  it("keeps a table cell on one line", () => {
    expect(escapeCell(" one\r\ntwo\nthree | four ")).toBe("one<br>two<br>three \\| four");
  });
});

describe("links", () => {
  it.each([
    ["javascript:alert(1)", null],
    ["JAVASCRIPT:alert(1)", null],
    ["data:text/html,<b>x</b>", null],
    ["not a url", null],
    ["https://example.com/a b", "https://example.com/a%20b"],
    ["https://example.com/x_(y)", "https://example.com/x_%28y%29"],
    ["http://example.com/?q=a|b", "http://example.com/?q=a%7Cb"],
  ])("safeLinkTarget(%j) is %j", (url, expected) => {
    expect(safeLinkTarget(url)).toBe(expected);
  });

  it("turns only http(s) evidence into links and shows the rest as inert text", () => {
    expect(evidenceMarkdown({ title: "Runbook", url: "https://wiki.example.com/run", kind: "RUNBOOK" })).toBe(
      "[Runbook](https://wiki.example.com/run)",
    );
    expect(evidenceMarkdown({ title: "Click [me]", url: "javascript:alert(1)", kind: "OTHER" })).toBe(
      "Click \\[me\\] (javascript:alert(1))",
    );
  });
});

describe("answerText", () => {
  it.each([
    [{ answer: null, outcome: "UNANSWERED" as const }, "Unanswered"],
    [{ answer: { status: "NOT_MET" as const, note: "", naReason: null, evidence: [] }, outcome: "WAIVED" as const }, "Not met (waived)"],
    [
      { answer: { status: "NOT_APPLICABLE" as const, note: "", naReason: " ", evidence: [] }, outcome: "UNANSWERED" as const },
      "Not applicable (no reason given)",
    ],
    [{ answer: { status: "NOT_APPLICABLE" as const, note: "", naReason: "n/a", evidence: [] }, outcome: "NA" as const }, "Not applicable"],
  ])("%j → %s", (input, expected) => {
    expect(answerText(input)).toBe(expected);
  });
});

describe("buildReportConcerns", () => {
  it("groups applicable items by concern, counts outcomes and drops concerns without items", () => {
    const concerns = report().concerns;
    expect(concerns.map((c) => c.key)).toEqual(["ops", "sec"]);
    expect(concerns[0]?.counts).toEqual({ total: 2, answered: 2, met: 1, na: 1, waived: 0, partial: 0, notMet: 0, unanswered: 0 });
    expect(concerns[1]?.counts).toEqual({ total: 1, answered: 0, met: 0, na: 0, waived: 1, partial: 0, notMet: 0, unanswered: 0 });
  });
});

describe("reviewToMarkdown", () => {
  const markdown = reviewToMarkdown(report());

  it("has a title, the metadata, verdict with reasons, levels, concerns, items and waivers", () => {
    expect(markdown.startsWith("# Readiness review: Payments \\<API\\>\n")).toBe(true);
    expect(markdown).toContain("| Team | Team \\| Money |");
    expect(markdown).toContain("| Decided | 3 Mar 2025, 11:30 UTC by Ann Prover (ann@example.com) |");
    expect(markdown).toContain("| Decision note | Ship it<br>but watch |");
    expect(markdown).toContain(
      "**Computed verdict:** Conditional go: target L3 reached only thanks to waivers. Frozen when the review was decided; evaluated for 3 Mar 2025.",
    );
    expect(markdown).toContain("Reaches the target L3 only thanks to waivers (L2 Stable without them).");
    expect(markdown).toContain('- **Condition:** Target L3 is reached only thanks to waivers on "Image scanning"');
    expect(markdown).toContain("| Without waivers | L2 Stable |");
    expect(markdown).toContain("| Concern | Answered | Met | N/A | Waived | Partially met | Not met |");
    expect(markdown).toContain("| Operations | 2/2 | 1 | 1 | 0 | 0 | 0 |");
    expect(markdown).toContain("### Operations");
    expect(markdown).toContain("| Item | Level | Answer | Note | Evidence |");
    expect(markdown).toContain("| Image scanning | L3 | Unanswered (waived) |   |   |");
    expect(markdown).toContain(
      "| Image scanning | Approved | Scanner migration | Manual review | CISO | 1 Jun 2025 | Ann Prover (ann@example.com) |",
    );
    expect(markdown.endsWith("|\n")).toBe(true);
  });

  it("escapes pipes and newlines inside item rows so the table stays intact", () => {
    const row = markdown.split("\n").find((line) => line.startsWith("| Health endpoint"));
    expect(row).toBe(
      "| Health endpoint **(blocker)** | L1 | Met | Checked \\| twice<br>by \\*ops\\* | " +
        "[Grafana \\[prod\\]](https://grafana.example.com/d/abc?x=%281%29)<br>Click me (javascript:alert(1)) |",
    );
    // Every table row has as many unescaped separators as its header.
    expect(row?.replace(/\\\|/g, "").split("|").length).toBe(7);
  });

  it("never turns a javascript: evidence URL into a link", () => {
    expect(markdown).not.toMatch(/\]\(\s*javascript:/i);
    expect(markdown).not.toMatch(/<javascript:/i);
  });

  it("shows the N/A reason", () => {
    expect(markdown).toContain("| Database backups | L2 | Not applicable | N/A reason: Stateless: no database |   |");
  });

  it("is deterministic", () => {
    expect(reviewToMarkdown(report())).toBe(markdown);
  });

  it("says so when there are no waivers and no reasons, and marks a live review", () => {
    const live = reviewToMarkdown(report({ waivers: [], reasons: [], isFrozen: false, status: "DRAFT", decision: null, decidedAt: null }));
    expect(live).toContain("No waivers.");
    expect(live).toContain("Nothing stands in the way.");
    expect(live).toContain("Live: from the answers and active waivers as of 3 Mar 2025.");
    expect(live).toContain("| Decision | Not decided |");
    expect(live).toContain("| Decided | — |");
  });
});

describe("markdownFileName", () => {
  it.each([
    ["payments-api", "review-payments-api-2025-03-03.md"],
    ['evil"; name=x', "review-evil-name-x-2025-03-03.md"],
    ["", "review-service-2025-03-03.md"],
  ])("%j", (slug, expected) => {
    expect(markdownFileName(slug, "2025-03-03")).toBe(expected);
  });
});
