import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { changesOf, groupByDay, historySentence, REVIEW_AUDIT_ACTIONS, type HistoryEvent } from "./history";

const titles = new Map([["health.healthz", "Health check endpoint"]]);
const tell = (event: Partial<HistoryEvent> & { action: string }) =>
  historySentence({ actorName: "Priya Patel", before: null, after: null, ...event }, titles);

describe("history sentences", () => {
  it.each<[string, Partial<HistoryEvent> & { action: string }, string]>([
    [
      "an answer",
      { action: "answer.create", after: { itemKey: "health.healthz", status: "MET" } },
      "Priya Patel marked “Health check endpoint” as met",
    ],
    [
      "a changed status",
      {
        action: "answer.update",
        before: { itemKey: "health.healthz", status: "MET" },
        after: { itemKey: "health.healthz", status: "NOT_MET" },
      },
      "Priya Patel marked “Health check endpoint” as not met (was met)",
    ],
    [
      "a note",
      {
        action: "answer.update",
        before: { itemKey: "health.healthz", status: "MET", note: "" },
        after: { itemKey: "health.healthz", status: "MET", note: "Probe checks Redis" },
      },
      "Priya Patel edited the note on “Health check endpoint”",
    ],
    [
      "a waiver request",
      { action: "waiver.request", after: { itemKey: "health.healthz", expiresOn: "2027-03-01" } },
      "Priya Patel requested a waiver for “Health check endpoint” until 1 Mar 2027",
    ],
    [
      "an approval",
      { action: "waiver.approve", after: { itemKey: "health.healthz" } },
      "Priya Patel approved the waiver for “Health check endpoint”",
    ],
    [
      "a withdrawn request",
      { action: "waiver.revoke", before: { itemKey: "health.healthz", status: "PENDING" } },
      "Priya Patel withdrew the waiver request for “Health check endpoint”",
    ],
    ["signing", { action: "review.submit" }, "Priya Patel signed the review as the service owner and submitted it for decision"],
    [
      "a decision",
      { action: "review.decide", after: { decision: "CONDITIONAL_GO", computedVerdict: "CONDITIONAL_GO" } },
      "Priya Patel decided: conditional go",
    ],
    [
      "a stricter decision",
      { action: "review.decide", after: { decision: "NO_GO", computedVerdict: "GO" } },
      "Priya Patel decided: no-go (computed: go)",
    ],
    [
      "a refusal",
      { action: "review.decide.refused", after: { reason: "You answered items in this review" } },
      "Priya Patel tried to decide the review and was refused: You answered items in this review",
    ],
    [
      "evidence",
      { action: "evidence.add", after: { itemKey: "health.healthz", title: "Probe dashboard", url: "https://g.example/d" } },
      "Priya Patel added evidence “Probe dashboard” to “Health check endpoint”",
    ],
    [
      "carried answers",
      { action: "review.carry-forward", after: { carriedItemKeys: ["a", "b"], leftBehindItemKeys: ["c"] } },
      "Priya Patel carried forward 2 answers from the previous review; 1 item is no longer in the checklist",
    ],
    [
      "an item no longer in the template",
      { action: "answer.create", after: { itemKey: "gone.item", status: "PARTIAL" } },
      "Priya Patel marked “gone.item” as partially met",
    ],
    [
      "an assignment",
      { action: "concern.assign", before: null, after: { concernTitle: "Logging", status: "IN_PROGRESS", assignee: "Sam Lee" } },
      "Priya Patel assigned “Logging” to Sam Lee (in progress)",
    ],
    [
      "a concern marked done with open items",
      {
        action: "concern.assign",
        before: { concernTitle: "Logging", status: "IN_PROGRESS", assignee: "Sam Lee" },
        after: { concernTitle: "Logging", status: "DONE", assignee: "Sam Lee", openItems: 2 },
      },
      "Priya Patel marked “Logging” as done with 2 items still unanswered",
    ],
    [
      "a concern started by its first answer",
      { action: "concern.start", after: { concernKey: "logging", concernTitle: "Logging", status: "IN_PROGRESS" } },
      "Priya Patel started “Logging” by answering its first item",
    ],
    ["the system", { action: "review.reopen", actorName: null }, "Shipshape reopened the review as a draft"],
    ["an action it does not know", { action: "review.archive" }, "Priya Patel recorded “review.archive”"],
  ])("tells %s", (_name, event, sentence) => {
    expect(tell(event)).toBe(sentence);
  });

  it("has its own sentence for every action the review's audit log records", () => {
    for (const action of REVIEW_AUDIT_ACTIONS) {
      const sentence = tell({ action, before: { itemKey: "health.healthz" }, after: { itemKey: "health.healthz" } });
      expect(sentence, action).not.toContain("recorded “");
      expect(sentence, action).toMatch(/^Priya Patel [a-z]/);
    }
  });

  it("knows every review action lib/db writes", () => {
    // Review-scoped actions are named "review.", "answer.", "evidence.", "waiver." or "concern." in lib/db; the
    // waiver refusals are built as `${action}.refused`, which the list spells out.
    const dir = path.resolve("lib/db");
    const written = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.includes(".test."))) {
      const source = readFileSync(path.join(dir, file), "utf8");
      for (const match of source.matchAll(/["'`]((?:review|answer|evidence|waiver|concern)\.[a-z][a-z._-]*)["'`]/g)) written.add(match[1]!);
    }
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter((action) => !(REVIEW_AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });
});

describe("history details and days", () => {
  it("keeps the exact before and after of each changed field", () => {
    expect(changesOf({ itemKey: "k", status: "MET", note: "" }, { itemKey: "k", status: "NOT_MET", note: "" })).toEqual([
      { field: "status", before: "MET", after: "NOT_MET" },
    ]);
    expect(changesOf(null, { levelWithoutWaivers: 2 })).toEqual([{ field: "level without waivers", before: "—", after: "2" }]);
  });

  it("groups events by UTC day in the order given", () => {
    const at = (iso: string) => ({ at: new Date(iso) });
    const groups = groupByDay([at("2026-12-01T09:00:00Z"), at("2026-12-01T00:10:00Z"), at("2026-11-30T23:50:00Z")]);
    expect(groups.map((g) => [g.day, g.events.length])).toEqual([
      ["2026-12-01", 2],
      ["2026-11-30", 1],
    ]);
  });
});
