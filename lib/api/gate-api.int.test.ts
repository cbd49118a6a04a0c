import { describe, expect, it } from "vitest";
import { GET as getGate } from "@/app/api/v1/services/[slug]/gate/route";
import { createApiToken } from "@/lib/db/api-tokens";
import { setAnswer } from "@/lib/db/answers";
import { db } from "@/lib/db/client";
import { decideReview, submitReview } from "@/lib/db/decisions";
import { getServiceGate } from "@/lib/db/gate";
import { startReview } from "@/lib/db/reviews";
import { todayUtc } from "@/lib/db/review-access";
import { createService, createTeam, createViewer, ctxOf } from "@/lib/db/review-test-fixtures";
import { installDefaultTemplate } from "@/lib/db/templates";
import { approveWaiver, requestWaiver } from "@/lib/db/waivers";
import { defaultTokenExpiry } from "@/lib/domain/api-tokens";
import { addDays, dayToDate } from "@/lib/domain/days";
import { decisionInput, setAnswerInput, startReviewInput, waiverRequestInput } from "@/lib/schemas/review";

// The deploy gate through its real route handler with an API token, against Postgres: a service before and after
// its decision, the strict modes, bad input, and a waiver the decision relied on running out.

type GateBody = {
  verdict: string;
  pass: boolean;
  reasons: { code: string; severity: string }[];
  decision: { reviewId: string; decidedBy: string | null; outcome: string; href: string } | null;
  error?: { code: string; fields?: Record<string, string[]> };
};

async function gate(slug: string, token: string, query = "") {
  const response = await getGate(
    new Request(`http://shipshape.test/api/v1/services/${slug}/gate${query}`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ slug }) },
  );
  return { status: response.status, body: (await response.json()) as GateBody };
}

describe("GET /api/v1/services/{slug}/gate", () => {
  it("answers no-go before a decision and the decided verdict after, until a waiver it counted on runs out", async () => {
    await installDefaultTemplate();
    const team = await createTeam("gate");
    const editor = await createViewer("EDITOR", [team.id]);
    const approver = await createViewer("APPROVER", [(await createTeam("gate-approvers")).id]);
    const service = await createService(team.id, 3);
    const { token } = await createApiToken(ctxOf(editor), { name: "pipeline", scope: "READ", expiresOn: defaultTokenExpiry(todayUtc()) });

    const never = await gate(service.slug, token);
    expect(never.status).toBe(200);
    expect(never.body).toMatchObject({ verdict: "NO_GO", pass: false, decision: null });
    expect(never.body.reasons.map((r) => r.code)).toEqual(["NOT_DECIDED"]);
    expect((await gate(service.slug, token, "?strict=true")).status).toBe(409);

    // Every item a tier 3 service needs is met, except one blocker, which an outside approver waives for 30 days.
    const { id: reviewId } = await startReview(ctxOf(editor), service.id, startReviewInput.parse({ trigger: "FIRST_DEPLOY" }));
    const { templateId } = await db().review.findUniqueOrThrow({ where: { id: reviewId }, select: { templateId: true } });
    const items = await db().checklistItem.findMany({ where: { templateId, tiers: { has: 3 } }, select: { key: true, isBlocker: true } });
    const waived = items.find((item) => item.isBlocker)?.key ?? "";
    for (const item of items) {
      const status = item.key === waived ? "NOT_MET" : "MET";
      await setAnswer(ctxOf(editor), reviewId, item.key, setAnswerInput.parse({ status, expectedVersion: null }));
    }
    const expiresOn = addDays(todayUtc(), 30) ?? "";
    const waiver = await requestWaiver(
      ctxOf(editor),
      reviewId,
      waived,
      waiverRequestInput.parse({ reason: "Rollout next sprint", compensatingControl: "Manual checks", riskOwner: "CTO", expiresOn }),
    );
    await approveWaiver(ctxOf(approver), reviewId, waiver.id);
    const { version } = await submitReview(ctxOf(editor), reviewId, 1);
    await decideReview(ctxOf(approver), reviewId, decisionInput.parse({ decision: "CONDITIONAL_GO", expectedVersion: version }));

    const decided = await gate(service.slug, token);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      verdict: "CONDITIONAL_GO",
      pass: true,
      decision: { reviewId, outcome: "CONDITIONAL_GO", href: `/reviews/${reviewId}/report` },
    });
    expect(decided.body.decision?.decidedBy).toBeTruthy();
    expect(decided.body.reasons.map((r) => r.code)).toContain("BLOCKER_WAIVED");
    expect((await gate(service.slug, token, "?strict=true")).status).toBe(200);
    const strictConditional = await gate(service.slug, token, "?strict=conditional");
    expect(strictConditional.status).toBe(409);
    expect(strictConditional.body).toMatchObject({ verdict: "CONDITIONAL_GO", pass: false });

    // The day after the waiver's last day, the same decision no longer lets the service ship.
    const later = await getServiceGate(service.slug, new Date(dayToDate(addDays(expiresOn, 1) ?? "").getTime() + 3_600_000));
    expect(later.verdict).toBe("NO_GO");
    expect(later.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["BLOCKER_UNMET", "WAIVER_EXPIRED", "DECISION"]));
  });

  it("refuses bad input with field errors and an unknown service with 404", async () => {
    const team = await createTeam("gate-input");
    const viewer = await createViewer("VIEWER", []);
    const service = await createService(team.id, 2);
    const { token } = await createApiToken(ctxOf(viewer), { name: "pipeline", scope: "READ", expiresOn: defaultTokenExpiry(todayUtc()) });

    for (const query of ["?strict=yes", "?strict=%00", "?strict=true&strict=false&unknown=1"]) {
      const { status, body } = await gate(service.slug, token, query);
      expect(status, query).toBe(422);
      expect(body.error?.code).toBe("VALIDATION");
      expect(Object.keys(body.error?.fields ?? {}).length, query).toBeGreaterThan(0);
    }
    const missing = await gate("no-such-service", token);
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe("NOT_FOUND");
  });
});
