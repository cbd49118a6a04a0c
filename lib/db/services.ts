import { can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import {
  LEVELS,
  type AchievedLevel,
  type LifecycleStage,
  type Level,
  type ReviewStatus,
  type ReviewTrigger,
  type Tier,
  type Verdict,
} from "@/lib/domain/types";
import { AppError, fromPrismaError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceInput } from "@/lib/schemas/service";
import { pageOffset, paginate, type Paginated } from "@/lib/domain/pagination";

// Every signed-in viewer may read every service (leadership reads the whole portfolio), so reads take the viewer
// only to keep one shape for every door into the data; writes are where can() decides.

export type ServiceTeam = { id: string; name: string; slug: string };

export type LatestReviewSummary = {
  status: ReviewStatus;
  decision: Verdict | null;
  computedVerdict: Verdict | null;
  level: AchievedLevel | null;
  decidedAt: Date | null;
};

export type ServiceListItem = {
  id: string;
  slug: string;
  name: string;
  team: ServiceTeam;
  tier: Tier;
  lifecycle: LifecycleStage;
  updatedAt: Date;
  latestReview: LatestReviewSummary | null;
};

export type ServiceList = Paginated<ServiceListItem>;

export type ListServicesOptions = { q?: string; teamId?: string; tier?: number; page?: number; pageSize?: number };

export type ServiceReviewSummary = {
  id: string;
  trigger: ReviewTrigger;
  status: ReviewStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decision: Verdict | null;
  level: AchievedLevel | null;
  targetLevel: Level | null;
};

export type ServiceDetail = {
  id: string;
  slug: string;
  name: string;
  description: string;
  team: ServiceTeam;
  tier: Tier;
  lifecycle: LifecycleStage;
  repositoryUrl: string | null;
  runbookUrl: string | null;
  dashboardUrl: string | null;
  onCall: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  reviews: ServiceReviewSummary[];
};

export const STALE_SERVICE_MESSAGE = "Someone else changed this service; reload to see their changes";

// The database holds tier to 1–3 with a CHECK constraint, so `as Tier` only restates it.
// Levels are plain integers in the database; anything outside the product's scale reads as "no level".
function toLevel(value: number | null): Level | null {
  return (LEVELS as readonly number[]).includes(value ?? -1) ? (value as Level) : null;
}

function toAchievedLevel(value: number | null): AchievedLevel | null {
  return value === 0 ? 0 : toLevel(value);
}

const teamSelect = { select: { id: true, name: true, slug: true } } as const;
const RECENT_REVIEWS = 10;
const MAX_PAGE_SIZE = 100;

export async function listServices(viewer: Viewer, options: ListServicesOptions = {}): Promise<ServiceList> {
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? 20), 1), MAX_PAGE_SIZE);
  const page = Math.max(Math.trunc(options.page ?? 1), 1);
  const q = options.q?.trim();
  const where: Prisma.ServiceWhereInput = {
    ...(options.teamId ? { teamId: options.teamId } : {}),
    ...(options.tier ? { tier: options.tier } : {}),
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { slug: { contains: q, mode: "insensitive" } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db().service.findMany({
      where,
      // id breaks ties so pages never overlap or skip rows.
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: pageOffset(page, pageSize),
      take: pageSize,
      select: {
        id: true,
        slug: true,
        name: true,
        tier: true,
        lifecycle: true,
        updatedAt: true,
        team: teamSelect,
        // A cancelled review says nothing about the service, so the summary is the latest one that counts.
        reviews: {
          where: { status: { not: "CANCELLED" } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 1,
          select: { status: true, decision: true, computedVerdict: true, level: true, decidedAt: true },
        },
      },
    }),
    db().service.count({ where }),
  ]);
  const items = rows.map(({ reviews, ...row }) => {
    const latest = reviews[0];
    const latestReview = latest ? { ...latest, level: toAchievedLevel(latest.level) } : null;
    return { ...row, tier: row.tier as Tier, latestReview };
  });
  return paginate(items, total, page, pageSize);
}

export async function getServiceBySlug(viewer: Viewer, slug: string): Promise<ServiceDetail | null> {
  const row = await db().service.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      tier: true,
      lifecycle: true,
      repositoryUrl: true,
      runbookUrl: true,
      dashboardUrl: true,
      onCall: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      team: teamSelect,
      reviews: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: RECENT_REVIEWS,
        select: {
          id: true,
          trigger: true,
          status: true,
          createdAt: true,
          decidedAt: true,
          decision: true,
          level: true,
          targetLevel: true,
        },
      },
    },
  });
  if (!row) return null;
  const reviews = row.reviews.map((r) => ({ ...r, level: toAchievedLevel(r.level), targetLevel: toLevel(r.targetLevel) }));
  return { ...row, tier: row.tier as Tier, reviews };
}

/** What the audit trail records before and after a change: the editable fields and the version. */
const snapshotSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  teamId: true,
  tier: true,
  lifecycle: true,
  repositoryUrl: true,
  runbookUrl: true,
  dashboardUrl: true,
  onCall: true,
  version: true,
} as const;

function toData(input: ServiceInput) {
  return {
    slug: input.slug,
    name: input.name,
    description: input.description,
    teamId: input.teamId,
    tier: input.tier,
    lifecycle: input.lifecycle,
    repositoryUrl: input.repositoryUrl,
    runbookUrl: input.runbookUrl,
    dashboardUrl: input.dashboardUrl,
    onCall: input.onCall,
  };
}

function assertCan(viewer: Viewer, type: "service:create" | "service:update", teamId: string) {
  if (!can(viewer, { type, teamId })) {
    const doing = type === "service:create" ? "create services for" : "change services of";
    throw new AppError("FORBIDDEN", `You can't ${doing} that team. Ask an admin or a member of the team.`);
  }
}

async function assertTeamExists(tx: Tx, teamId: string) {
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true } });
  if (!team) {
    throw new AppError("VALIDATION", "That team no longer exists", { fieldErrors: { teamId: ["Choose another team"] } });
  }
}

/** Unique violations can only be the slug (the one unique column a service has besides its id). */
function toWriteError(error: unknown): unknown {
  const mapped = fromPrismaError(error);
  if (mapped?.code === "CONFLICT") {
    return new AppError("CONFLICT", "Another service already uses that slug", {
      fieldErrors: { slug: ["That slug is taken; choose another"] },
    });
  }
  return mapped ?? error;
}

export async function createService(ctx: AuditContext, input: ServiceInput): Promise<{ id: string; slug: string }> {
  assertCan(ctx.viewer, "service:create", input.teamId);
  try {
    return await db().$transaction(async (tx) => {
      await assertTeamExists(tx, input.teamId);
      const created = await tx.service.create({
        data: { ...toData(input), createdById: ctx.viewer.id },
        select: snapshotSelect,
      });
      await recordAudit(tx, ctx, {
        action: "service.created",
        entityType: "service",
        entityId: created.id,
        serviceId: created.id,
        teamId: created.teamId,
        after: created,
      });
      return { id: created.id, slug: created.slug };
    });
  } catch (error) {
    throw toWriteError(error);
  }
}

/**
 * Saves an edit only if nobody saved another since the form was loaded (`input.version`); otherwise CONFLICT,
 * never a silent overwrite. Moving a service needs the right on both the old and the new team.
 */
export async function updateService(
  ctx: AuditContext,
  id: string,
  input: ServiceInput & { version: number },
): Promise<{ id: string; slug: string; version: number }> {
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.service.findUnique({ where: { id }, select: snapshotSelect });
      if (!before) throw new AppError("NOT_FOUND", "This service no longer exists");
      assertCan(ctx.viewer, "service:update", before.teamId);
      assertCan(ctx.viewer, "service:update", input.teamId);
      if (input.teamId !== before.teamId) await assertTeamExists(tx, input.teamId);

      const stale = () => new AppError("CONFLICT", STALE_SERVICE_MESSAGE, { reason: "STALE_VERSION" });
      // Checked twice: here so the audited `before` is the exact row being replaced, and in the UPDATE itself
      // so two concurrent saves cannot both pass.
      if (before.version !== input.version) throw stale();
      const { count } = await tx.service.updateMany({
        where: { id, version: input.version },
        data: { ...toData(input), version: { increment: 1 } },
      });
      if (count === 0) throw stale();

      const after = await tx.service.findUniqueOrThrow({ where: { id }, select: snapshotSelect });
      await recordAudit(tx, ctx, {
        action: "service.updated",
        entityType: "service",
        entityId: id,
        serviceId: id,
        teamId: after.teamId,
        before,
        after,
      });
      return { id, slug: after.slug, version: after.version };
    });
  } catch (error) {
    throw toWriteError(error);
  }
}
