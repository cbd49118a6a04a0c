import { db } from "@/lib/db/client";
import { refreshServiceSummary } from "@/lib/db/service-summary";
import type { TemplateItemDto } from "@/lib/db/templates";
import { MS_PER_DAY } from "@/lib/domain/days";
import { docHref } from "@/lib/routes";
import { createDecidedReview, type SeedAnswer } from "@/prisma/seed/decided-review";
import { SHIPSHAPE_ANSWERS, SHIPSHAPE_SERVICE, type OwnEvidence } from "@/prisma/seed/shipshape-review";

// Shipshape reviewed in its own demo: the service, owned by Platform, and one decided review answered against every
// item of the default template, decided by an approver of another team as the engine computes it.

export function evidenceUrl(baseUrl: string, evidence: OwnEvidence): string {
  return new URL(docHref(evidence.doc, evidence.anchor), baseUrl).toString();
}

export function shipshapeAnswers(items: TemplateItemDto[], baseUrl: string): SeedAnswer[] {
  return items.map((item) => {
    const answer = SHIPSHAPE_ANSWERS[item.key];
    if (!answer) throw new Error(`Shipshape's own review has no answer for ${item.key}`);
    return {
      itemId: item.id,
      itemKey: item.key,
      status: answer.status,
      note: answer.note,
      naReason: answer.naReason ?? null,
      evidence: answer.evidence.map((e) => ({ url: evidenceUrl(baseUrl, e), title: e.title, kind: e.kind })),
    };
  });
}

/** Adds the Shipshape service and its review unless it is there already; returns how many reviews it made. */
export async function seedShipshapeReview(input: { templateId: string; items: TemplateItemDto[]; baseUrl: string }): Promise<number> {
  const existing = await db().service.findUnique({ where: { slug: SHIPSHAPE_SERVICE.slug }, select: { id: true } });
  const team = await db().team.findUnique({ where: { slug: SHIPSHAPE_SERVICE.team }, select: { id: true } });
  if (existing || !team) return 0;
  const people = await db().user.findMany({
    where: { email: { in: ["admin@example.com", SHIPSHAPE_SERVICE.approverEmail] } },
    select: { id: true, email: true },
  });
  const owner = people.find((p) => p.email === "admin@example.com");
  const approver = people.find((p) => p.email === SHIPSHAPE_SERVICE.approverEmail);
  const now = Date.now();
  const service = await db().service.create({
    data: {
      slug: SHIPSHAPE_SERVICE.slug,
      name: SHIPSHAPE_SERVICE.name,
      description: SHIPSHAPE_SERVICE.description,
      teamId: team.id,
      tier: SHIPSHAPE_SERVICE.tier,
      lifecycle: SHIPSHAPE_SERVICE.lifecycle,
      runbookUrl: evidenceUrl(input.baseUrl, { doc: "runbooks", title: "", kind: "RUNBOOK" }),
      createdById: owner?.id ?? null,
      createdAt: new Date(now - 30 * MS_PER_DAY),
    },
    select: { id: true },
  });
  await createDecidedReview({
    serviceId: service.id,
    templateId: input.templateId,
    items: input.items,
    tier: SHIPSHAPE_SERVICE.tier,
    trigger: "MAJOR_RELEASE",
    answers: shipshapeAnswers(input.items, input.baseUrl),
    waivers: [],
    createdAt: new Date(now - 3 * MS_PER_DAY),
    decidedAt: new Date(now - MS_PER_DAY),
    editor: owner,
    approver,
    decisionNote: (verdict) =>
      verdict === "GO"
        ? "L1 meets the tier-3 target. Before L2: alert routing, a dependency scan, secrets from a manager, the backups, container and tracing work, and the partial resilience items."
        : "See the reasons; the gaps are listed in the answers.",
  });
  await refreshServiceSummary(db(), service.id);
  return 1;
}
