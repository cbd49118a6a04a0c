import { can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { changeTime } from "@/lib/db/change-token";
import { db, type Tx } from "@/lib/db/client";
import {
  LEVELS,
  type AchievedLevel,
  type LifecycleStage,
  type Level,
  type ReviewStatus,
  type ReviewTrigger,
  type TeamRef,
  type Tier,
  type Verdict,
} from "@/lib/domain/types";
import { AppError, fromPrismaError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceInput } from "@/lib/schemas/service";

// Every signed-in person may read every service (leadership reads the whole portfolio), so reads take no viewer and
// the caller authenticates; writes are where can() decides. The service list is lib/db/services-table.ts.

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
  team: TeamRef;
  tier: Tier;
  lifecycle: LifecycleStage;
  repositoryUrl: string | null;
  runbookUrl: string | null;
  dashboardUrl: string | null;
  healthUrl: string | null;
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

const RECENT_REVIEWS = 10;

/** The service page's one statement: the service, its team and its latest reviews (one row per review). */
export function serviceBySlugSql(slug: string): Prisma.Sql {
  return Prisma.sql`
    SELECT s.id::text AS id, s.slug, s.name, s.description, s.tier, s.lifecycle::text AS lifecycle, s.repository_url,
           s.runbook_url, s.dashboard_url, s.health_url, s.on_call, s.version, s.created_at, s.updated_at,
           t.id::text AS team_id, t.name AS team_name, t.slug AS team_slug, r.*
    FROM services s JOIN teams t ON t.id = s.team_id
    LEFT JOIN LATERAL (
      SELECT r.id::text AS review_id, r.trigger::text AS trigger, r.status::text AS status, r.created_at AS review_created_at,
             r.decided_at, r.decision::text AS decision, r.level, r.target_level
      FROM reviews r WHERE r.service_id = s.id ORDER BY r.created_at DESC, r.id DESC LIMIT ${RECENT_REVIEWS}::int
    ) r ON true
    WHERE s.slug = ${slug}
    ORDER BY r.review_created_at DESC, r.review_id DESC`;
}

type ServiceReviewRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  tier: number;
  lifecycle: LifecycleStage;
  repository_url: string | null;
  runbook_url: string | null;
  dashboard_url: string | null;
  health_url: string | null;
  on_call: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  team_id: string;
  team_name: string;
  team_slug: string;
  review_id: string | null;
  trigger: ReviewTrigger | null;
  status: ReviewStatus | null;
  review_created_at: Date | null;
  decided_at: Date | null;
  decision: Verdict | null;
  level: number | null;
  target_level: number | null;
};

export async function getServiceBySlug(slug: string): Promise<ServiceDetail | null> {
  const rows = await db().$queryRaw<ServiceReviewRow[]>(serviceBySlugSql(slug));
  const row = rows[0];
  if (!row) return null;
  const reviews = rows.flatMap((r) =>
    r.review_id && r.trigger && r.status && r.review_created_at
      ? [
          {
            id: r.review_id,
            trigger: r.trigger,
            status: r.status,
            createdAt: r.review_created_at,
            decidedAt: r.decided_at,
            decision: r.decision,
            level: toAchievedLevel(r.level),
            targetLevel: toLevel(r.target_level),
          },
        ]
      : [],
  );
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    team: { id: row.team_id, name: row.team_name, slug: row.team_slug },
    tier: row.tier as Tier,
    lifecycle: row.lifecycle,
    repositoryUrl: row.repository_url,
    runbookUrl: row.runbook_url,
    dashboardUrl: row.dashboard_url,
    healthUrl: row.health_url,
    onCall: row.on_call,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reviews,
  };
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
  healthUrl: true,
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
    healthUrl: input.healthUrl,
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
        // The change token reads updated_at: the database's clock, in commit order (see changeTime).
        data: { ...toData(input), version: { increment: 1 }, updatedAt: await changeTime(tx) },
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
