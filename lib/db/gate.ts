import { db } from "@/lib/db/client";
import { todayUtc } from "@/lib/db/review-access";
import { getReviewTemplate } from "@/lib/db/review-data";
import { evaluateGate, type GateDecision, type GateResult } from "@/lib/domain/gate";
import { isReviewSnapshot } from "@/lib/domain/snapshot";
import type { Tier } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";

export type ServiceGate = GateResult & {
  service: { slug: string; name: string; tier: Tier };
  evaluatedOn: string;
  decision: { reviewId: string; decidedAt: Date; decidedBy: string | null; outcome: GateDecision["decision"] } | null;
  openReview: { id: string; status: "DRAFT" | "SUBMITTED" } | null;
};

/**
 * The deploy gate of one service: its latest decided review, evaluated again for today (see lib/domain/gate). Every
 * signed-in person and every API token may read it, as they may read the service itself.
 */
export async function getServiceGate(slug: string, now: Date = new Date()): Promise<ServiceGate> {
  const service = await db().service.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      tier: true,
      lastReview: {
        select: {
          id: true,
          templateId: true,
          decidedAt: true,
          decision: true,
          decisionNote: true,
          snapshot: true,
          decidedById: true,
          waivers: { select: { item: { select: { key: true } }, expiresOn: true, status: true } },
        },
      },
      reviews: {
        where: { status: { in: ["DRAFT", "SUBMITTED"] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, status: true },
      },
    },
  });
  if (!service) throw new AppError("NOT_FOUND", `No service with slug "${slug}"`);
  const tier = service.tier as Tier;
  const today = todayUtc(now);
  const last = service.lastReview;
  let decision: GateDecision | null = null;
  if (last?.decidedAt && last.decision && isReviewSnapshot(last.snapshot)) {
    const template = await getReviewTemplate(last.templateId);
    decision = {
      reviewId: last.id,
      decidedAt: last.decidedAt,
      decision: last.decision,
      decisionNote: last.decisionNote ?? "",
      snapshot: last.snapshot,
      items: template.items,
      waivers: last.waivers.map((w) => ({ itemKey: w.item.key, expiresOn: w.expiresOn.toISOString().slice(0, 10), status: w.status })),
    };
  }
  const open = service.reviews[0];
  const openReview = open && (open.status === "DRAFT" || open.status === "SUBMITTED") ? { id: open.id, status: open.status } : null;
  const decider = last?.decidedById ? await db().user.findUnique({ where: { id: last.decidedById }, select: { name: true } }) : null;
  const result = evaluateGate({ now, today, serviceName: service.name, tier, decision, openReview });
  return {
    ...result,
    service: { slug: service.slug, name: service.name, tier },
    evaluatedOn: today,
    decision:
      decision && last
        ? { reviewId: decision.reviewId, decidedAt: decision.decidedAt, decidedBy: decider?.name ?? null, outcome: decision.decision }
        : null,
    openReview,
  };
}
