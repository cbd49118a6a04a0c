import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/db/users";
import { getLatestTemplateId, getTemplate, type TemplateItemDto } from "@/lib/db/templates";
import { isoDay, MS_PER_DAY } from "@/lib/domain/days";
import { isApplicable } from "@/lib/domain/maturity";
import type { AnswerStatus, ReviewTrigger, Tier } from "@/lib/domain/types";
import { refreshServiceSummary } from "@/lib/db/service-summary";
import { answerRows, createDecidedReview, type SeedAnswer, type SeedWaiver } from "@/prisma/seed/decided-review";
import { DEMO_ACCOUNTS, DEMO_SERVICES, DEMO_TEAMS, type DemoService } from "@/prisma/seed/demo-data";
import { seedShipshapeReview } from "@/prisma/seed/shipshape";

export { DEMO_ACCOUNTS };

// Deterministic, so every fresh demo shows the same believable portfolio.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = MS_PER_DAY;

type GeneratedAnswer = SeedAnswer;

function answersFor(items: TemplateItemDto[], tier: Tier, capability: number, random: () => number, completeness = 1): GeneratedAnswer[] {
  const out: GeneratedAnswer[] = [];
  for (const item of items) {
    if (!isApplicable(item, tier) || random() > completeness) continue;
    const r = random();
    const within = item.level <= Math.floor(capability);
    let status: AnswerStatus = within
      ? r < 0.985
        ? "MET"
        : r < 0.995
          ? "PARTIAL"
          : "NOT_MET"
      : r < 0.25
        ? "MET"
        : r < 0.55
          ? "PARTIAL"
          : "NOT_MET";
    // Teams treat the NEVER rules first, whatever their level; the odd gap is what a review should catch.
    if (item.isBlocker && status !== "MET" && random() < (capability >= 1.5 ? 0.92 : 0.6)) status = "MET";
    const isNa = !item.isBlocker && random() < 0.03;
    out.push({
      itemId: item.id,
      itemKey: item.key,
      status: isNa ? "NOT_APPLICABLE" : status,
      note: status === "MET" ? "Verified in the last game day." : status === "PARTIAL" ? "In place for the main path only." : "",
      naReason: isNa ? "The service has no such dependency." : null,
    });
  }
  return out;
}

type DemoWaiver = SeedWaiver;

/** Up to two gaps accepted for a while, expiring between 3 weeks and 5 months after the decision. */
function demoWaivers(answers: GeneratedAnswer[], decidedAt: Date, random: () => number): DemoWaiver[] {
  return answers
    .filter((a) => a.status === "NOT_MET" || a.status === "PARTIAL")
    .slice(0, 2)
    .map((a) => ({
      itemId: a.itemId,
      itemKey: a.itemKey,
      reason: "Migration to the shared platform component is scheduled next quarter.",
      compensatingControl: "Manual check in the weekly operations review.",
      riskOwner: "Head of engineering",
      expiresOn: isoDay(new Date(decidedAt.getTime() + (20 + Math.floor(random() * 130)) * DAY)),
    }));
}

const TRIGGERS: ReviewTrigger[] = ["QUARTERLY", "QUARTERLY", "QUARTERLY", "MAJOR_RELEASE", "DEPENDENCY_UPGRADE", "POST_INCIDENT"];

async function createReviews(service: DemoService & { id: string; teamId: string }, ctx: SeedContext, random: () => number) {
  const now = Date.now();
  // Up to six decided reviews, one per past quarter, some quarters skipped.
  const monthsAgo = [17, 14, 11, 8, 5, 2].filter((_, i) => i === 0 || random() > 0.22);
  if (service.lifecycle === "PLANNED") return 0;
  const approver = ctx.approvers.find((a) => !a.teamIds.includes(service.teamId)) ?? ctx.approvers[0];
  const editor = ctx.editors.get(service.team) ?? ctx.admin;
  let count = 0;
  for (const [index, months] of monthsAgo.entries()) {
    const progress = index / Math.max(1, monthsAgo.length - 1);
    const capability = service.from + (service.to - service.from) * progress + (random() - 0.5) * 0.6;
    const decidedAt = new Date(now - months * 30 * DAY + Math.floor(random() * 10) * DAY);
    const createdAt = new Date(decidedAt.getTime() - (7 + Math.floor(random() * 14)) * DAY);
    const answers = answersFor(ctx.items, service.tier, capability, random);
    const isLatest = index === monthsAgo.length - 1;
    const waivers = isLatest && random() < 0.5 ? demoWaivers(answers, decidedAt, random) : [];
    await createDecidedReview({
      serviceId: service.id,
      templateId: ctx.templateId,
      items: ctx.items,
      tier: service.tier,
      trigger: TRIGGERS[Math.floor(random() * TRIGGERS.length)] ?? "QUARTERLY",
      answers,
      waivers,
      createdAt,
      decidedAt,
      editor,
      approver,
      decisionNote: (decision) =>
        decision === "GO" ? "Meets its target; keep the quarterly cadence." : "See the reasons; revisit next quarter.",
    });
    count++;
  }
  // An open review for about a third of the services: the work in progress a demo should show.
  if (random() < 0.35) {
    const answers = answersFor(ctx.items, service.tier, service.to + 0.3, random, 0.6);
    const submitted = random() < 0.3;
    const review = await db().review.create({
      data: {
        serviceId: service.id,
        templateId: ctx.templateId,
        trigger: random() < 0.5 ? "QUARTERLY" : "MAJOR_RELEASE",
        status: submitted ? "SUBMITTED" : "DRAFT",
        targetDate: new Date(isoDay(new Date(now + 14 * DAY))),
        startedById: editor?.id ?? null,
        submittedById: submitted ? (editor?.id ?? null) : null,
        submittedAt: submitted ? new Date(now - DAY) : null,
        createdAt: new Date(now - 6 * DAY),
      },
      select: { id: true },
    });
    await db().answer.createMany({ data: answerRows(review.id, answers, editor?.id ?? null) });
    const met = answers.find((a) => a.status === "MET");
    if (met) {
      const answer = await db().answer.findUniqueOrThrow({
        where: { reviewId_itemId: { reviewId: review.id, itemId: met.itemId } },
        select: { id: true },
      });
      await db().evidence.create({
        data: {
          answerId: answer.id,
          url: `https://grafana.example.com/d/${service.slug}`,
          title: `${service.name} golden signals`,
          kind: "DASHBOARD",
          createdById: editor?.id ?? null,
        },
      });
    }
    count++;
  }
  return count;
}

type SeedUser = { id: string; email: string; teamIds: string[] };
type SeedContext = {
  templateId: string;
  items: TemplateItemDto[];
  approvers: SeedUser[];
  editors: Map<string, SeedUser>;
  admin: SeedUser | undefined;
};

/**
 * Loads the demo portfolio once; on later runs only refreshes the demo accounts' password (and adds Shipshape's own
 * review to a demo loaded before it existed). `baseUrl` is where the demo is served: the evidence of Shipshape's
 * own review links to the docs pages there.
 */
export async function seedDemo({
  password,
  baseUrl,
}: {
  password: string;
  baseUrl: string;
}): Promise<{ created: boolean; services: number; reviews: number }> {
  const passwordHash = await hashPassword(password);
  const templateId = await getLatestTemplateId();
  const template = templateId ? await getTemplate(templateId) : null;
  if (!templateId || !template) throw new Error("The default template is missing: run `npm run db:migrate` first.");
  const already = await db().team.findUnique({ where: { slug: DEMO_TEAMS[0].slug }, select: { id: true } });
  if (already) {
    await db().user.updateMany({ where: { isDemo: true }, data: { passwordHash } });
    const added = await seedShipshapeReview({ templateId, items: template.items, baseUrl });
    return { created: false, services: added, reviews: added };
  }

  const teams = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const row = await db().team.create({ data: { slug: team.slug, name: team.name }, select: { id: true } });
    teams.set(team.slug, row.id);
  }
  const users = new Map<string, SeedUser & { role: string; teams: string[] }>();
  for (const account of DEMO_ACCOUNTS) {
    const teamIds = account.teams.map((t) => teams.get(t) as string);
    const row = await db().user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash,
        isDemo: true,
        memberships: { create: teamIds.map((teamId) => ({ teamId })) },
      },
      select: { id: true },
    });
    users.set(account.email, { id: row.id, email: account.email, teamIds, role: account.role, teams: account.teams });
  }
  const all = [...users.values()];
  const ctx: SeedContext = {
    templateId,
    items: template.items,
    approvers: all.filter((u) => u.role === "APPROVER" || u.role === "ADMIN"),
    editors: new Map(all.filter((u) => u.role === "EDITOR").flatMap((u) => u.teams.map((t) => [t, u] as const))),
    admin: users.get("admin@example.com"),
  };
  let reviews = 0;
  for (const [index, service] of DEMO_SERVICES.entries()) {
    const teamId = teams.get(service.team) as string;
    const row = await db().service.create({
      data: {
        slug: service.slug,
        name: service.name,
        description: service.description,
        teamId,
        tier: service.tier,
        lifecycle: service.lifecycle,
        repositoryUrl: `https://git.example.com/${service.team}/${service.slug}`,
        runbookUrl: service.from > 1 ? `https://wiki.example.com/runbooks/${service.slug}` : null,
        dashboardUrl: service.from > 1.5 ? `https://grafana.example.com/d/${service.slug}` : null,
        onCall: service.tier === 1 ? `${service.team}-primary` : null,
        createdById: ctx.admin?.id ?? null,
        createdAt: new Date(Date.now() - 600 * DAY),
      },
      select: { id: true },
    });
    reviews += await createReviews({ ...service, id: row.id, teamId }, ctx, prng(index * 7919 + 17));
    await refreshServiceSummary(db(), row.id);
  }
  reviews += await seedShipshapeReview({ templateId, items: template.items, baseUrl });
  return { created: true, services: DEMO_SERVICES.length + 1, reviews };
}
