import { can, type Viewer } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listDueServices } from "@/lib/db/quarterly-agenda";
import { ANSWERING_ACTIONS, INVOLVING_ACTIONS, isoDay, todayUtc } from "@/lib/db/review-access";
import { getReviewTemplate } from "@/lib/db/review-data";
import { teamsSql, type TeamDto } from "@/lib/db/teams";
import { awaitsConfirmation } from "@/lib/domain/carry-forward";
import { computeMaturity } from "@/lib/domain/maturity";
import { currentQuarter, type ReviewDueReason } from "@/lib/domain/quarters";
import type { ReviewStatus, ReviewTrigger, Tier } from "@/lib/domain/types";
import { Prisma } from "@/lib/generated/prisma/client";

// What the signed-in home shows each person: the open reviews and due services of the teams they edit for, and the
// reviews and waivers waiting for a decision they may make. Every row passes can() before it leaves this file.

export type TeamReview = {
  id: string;
  status: Extract<ReviewStatus, "DRAFT" | "SUBMITTED">;
  trigger: ReviewTrigger;
  targetDate: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  service: { id: string; slug: string; name: string; tier: Tier; team: { id: string; name: string } };
  /** As the review's overview counts them: a carried answer nobody confirmed is not answered yet. */
  progress: { answered: number; total: number; awaitingConfirmation: number };
  /** The first concern (template order) with an unanswered item; null when every item is answered. */
  nextConcern: { key: string; title: string } | null;
};

export type TeamDueService = {
  id: string;
  slug: string;
  name: string;
  tier: Tier;
  team: { id: string; slug: string; name: string };
  /** The quarterly meeting's reason (lib/domain/quarters reviewDueReason). */
  dueReason: ReviewDueReason;
  daysSinceReview: number | null;
  /** The review already under way; "Start review" is offered only without one. */
  openReviewId: string | null;
};

export type TeamWork = { quarter: string; teams: TeamDto[]; reviews: TeamReview[]; due: TeamDueService[] };

const OPEN_STATUSES: ReviewStatus[] = ["DRAFT", "SUBMITTED"];
/** A team has at most one open review per service; this only guards the page against a runaway team. */
const OPEN_REVIEWS_LIMIT = 200;

/** The teams whose reviews this viewer edits, among the teams they belong to (an admin is not on every team). */
async function teamsEditedBy(viewer: Viewer): Promise<TeamDto[]> {
  if (viewer.teamIds.length === 0) return [];
  const teams = await db().$queryRaw<TeamDto[]>(teamsSql(viewer.teamIds));
  return teams.filter((team) => can(viewer, { type: "review:edit", teamId: team.id }));
}

async function listTeamReviews(teams: readonly TeamDto[], today: string): Promise<TeamReview[]> {
  const rows = await db().review.findMany({
    where: { status: { in: OPEN_STATUSES }, service: { teamId: { in: teams.map((team) => team.id) } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: OPEN_REVIEWS_LIMIT,
    select: {
      id: true,
      templateId: true,
      status: true,
      trigger: true,
      submittedAt: true,
      targetDate: true,
      createdAt: true,
      service: { select: { id: true, slug: true, name: true, tier: true, team: { select: { id: true, name: true } } } },
      answers: { select: { status: true, naReason: true, carriedFromReviewId: true, confirmedAt: true, item: { select: { key: true } } } },
    },
  });
  return Promise.all(
    rows.map(async (row): Promise<TeamReview> => {
      const template = await getReviewTemplate(row.templateId);
      const tier = row.service.tier as Tier;
      const answers = Object.fromEntries(
        row.answers.map((a) => [a.item.key, { status: a.status, naReason: a.naReason, awaitsConfirmation: awaitsConfirmation(a) }]),
      );
      // Answered counts do not depend on waivers, so the engine runs without them.
      const maturity = computeMaturity({ items: template.items, tier, answers, waivers: [], today });
      const next = maturity.concerns.find((concern) => concern.answered < concern.total);
      const nextTitle = next ? template.concerns.find((concern) => concern.key === next.concernKey)?.title : undefined;
      return {
        id: row.id,
        status: row.status as TeamReview["status"],
        trigger: row.trigger,
        targetDate: row.targetDate ? isoDay(row.targetDate) : null,
        createdAt: row.createdAt,
        submittedAt: row.submittedAt,
        service: { ...row.service, tier },
        progress: {
          answered: maturity.totals.answered,
          total: maturity.totals.total,
          awaitingConfirmation: maturity.awaitingConfirmation.length,
        },
        nextConcern: next ? { key: next.concernKey, title: nextTitle ?? next.concernKey } : null,
      };
    }),
  );
}

/** The teams' services due for review by the quarterly meeting's rule (its agenda, as of now). */
async function listTeamDueServices(teams: readonly TeamDto[], quarter: string, now: Date, reviews: Promise<readonly TeamReview[]>) {
  const agendas = await Promise.all(teams.map((team) => listDueServices(quarter, { team: team.slug, now })));
  const openByService = new Map((await reviews).map((review) => [review.service.id, review.id]));
  return agendas.flatMap((agenda) =>
    agenda.rows.flatMap((row): TeamDueService[] =>
      row.dueReason === null
        ? []
        : [
            {
              id: row.id,
              slug: row.slug,
              name: row.name,
              tier: row.tier,
              team: row.team,
              dueReason: row.dueReason,
              daysSinceReview: row.daysSinceReview,
              openReviewId: openByService.get(row.id) ?? null,
            },
          ],
    ),
  );
}

/** The editor's side of the home: empty teams when the viewer edits for no team of theirs. */
export async function getTeamWork(viewer: Viewer, now: Date = new Date()): Promise<TeamWork> {
  const quarter = currentQuarter(now);
  const teams = await teamsEditedBy(viewer);
  if (teams.length === 0) return { quarter, teams, reviews: [], due: [] };
  // Both reads start together; the due list only waits for the reviews to say which services have one open.
  const reviewsRead = listTeamReviews(teams, todayUtc(now));
  const [reviews, due] = await Promise.all([reviewsRead, listTeamDueServices(teams, quarter, now, reviewsRead)]);
  return { quarter, teams, reviews, due };
}

export type QueuedService = { slug: string; name: string; tier: Tier; team: { id: string; name: string } };

export type QueuedReview = {
  reviewId: string;
  service: QueuedService;
  trigger: ReviewTrigger;
  submittedAt: Date;
  submittedBy: string | null;
  /** The team named this viewer as a reviewer when it started the review. */
  namesViewer: boolean;
};

export type QueuedWaiver = {
  waiverId: string;
  reviewId: string;
  service: QueuedService;
  itemTitle: string;
  reason: string;
  expiresOn: string;
  requestedAt: Date;
  requestedBy: string | null;
  namesViewer: boolean;
};

export type DecisionQueue = {
  reviews: QueuedReview[];
  waivers: QueuedWaiver[];
  /** More candidates than one read takes: the counts are a lower bound. */
  isTruncated: boolean;
};

/** Candidates one read takes; far more than a person works through, and the navigation then says "N+". */
export const DECISION_QUEUE_LIMIT = 1000;

type QueueRow = {
  kind: "review" | "waiver";
  review_id: string;
  waiver_id: string | null;
  since: Date;
  trigger: ReviewTrigger;
  service_slug: string;
  service_name: string;
  tier: number;
  team_id: string;
  team_name: string;
  person: string | null;
  item_title: string | null;
  reason: string | null;
  expires_on: string | null;
  is_requester: boolean;
  names_viewer: boolean;
  started: boolean | null;
  answered: boolean | null;
  submitted: boolean | null;
};

/**
 * Submitted reviews and pending waivers of open reviews, named-reviewer first and then oldest first, with the facts
 * can() needs (the viewer's part in each review, from the audit log, and who asked for each waiver). The filter on
 * the viewer's own teams only narrows the read; can() decides.
 */
export function decisionQueueSql(viewer: Viewer, limit = DECISION_QUEUE_LIMIT): Prisma.Sql {
  const me = Prisma.sql`${viewer.id}::uuid`;
  return Prisma.sql`
    WITH candidates AS (
      SELECT 'review' AS kind, r.id AS review_id, NULL::uuid AS waiver_id, COALESCE(r.submitted_at, r.updated_at) AS since,
        r.submitted_by_id AS person_id
      FROM reviews r WHERE r.status = 'SUBMITTED'
      UNION ALL
      SELECT 'waiver', w.review_id, w.id, w.created_at, w.requested_by_id
      FROM reviews r JOIN waivers w ON w.review_id = r.id
      WHERE r.status IN ('DRAFT', 'SUBMITTED') AND w.status = 'PENDING'
    )
    SELECT c.kind, c.review_id::text AS review_id, c.waiver_id::text AS waiver_id, c.since, r.trigger::text AS trigger,
      s.slug AS service_slug, s.name AS service_name, s.tier, s.team_id::text AS team_id, tm.name AS team_name,
      u.name AS person, i.title AS item_title, left(w.reason, 280) AS reason, w.expires_on::text AS expires_on,
      COALESCE(c.kind = 'waiver' AND c.person_id = ${me}, false) AS is_requester,
      EXISTS (SELECT 1 FROM review_reviewers rr WHERE rr.review_id = c.review_id AND rr.user_id = ${me}) AS names_viewer,
      inv.started, inv.answered, inv.submitted
    FROM candidates c
    JOIN reviews r ON r.id = c.review_id
    JOIN services s ON s.id = r.service_id
    JOIN teams tm ON tm.id = s.team_id
    LEFT JOIN users u ON u.id = c.person_id
    LEFT JOIN waivers w ON w.id = c.waiver_id
    LEFT JOIN checklist_items i ON i.id = w.item_id
    LEFT JOIN LATERAL (
      SELECT bool_or(a.action = 'review.start') AS started, bool_or(a.action = 'review.submit') AS submitted,
        bool_or(a.action = ANY(${ANSWERING_ACTIONS}::text[])) AS answered
      FROM audit_events a
      WHERE c.kind = 'review' AND a.review_id = c.review_id AND a.actor_id = ${me} AND a.action = ANY(${INVOLVING_ACTIONS}::text[])
    ) inv ON true
    WHERE NOT (s.team_id = ANY(${[...viewer.teamIds]}::uuid[]))
    ORDER BY names_viewer DESC, c.since ASC, c.review_id, c.waiver_id NULLS FIRST
    LIMIT ${limit}::int`;
}

function queuedService(row: QueueRow): QueuedService {
  return { slug: row.service_slug, name: row.service_name, tier: row.tier as Tier, team: { id: row.team_id, name: row.team_name } };
}

/** The reviews this viewer may decide and the waivers they may approve; empty for anyone who decides nothing. */
export async function getDecisionQueue(viewer: Viewer): Promise<DecisionQueue> {
  if (!can(viewer, { type: "decisions:list" })) return { reviews: [], waivers: [], isTruncated: false };
  const rows = await db().$queryRaw<QueueRow[]>(decisionQueueSql(viewer));
  const queue: DecisionQueue = { reviews: [], waivers: [], isTruncated: rows.length >= DECISION_QUEUE_LIMIT };
  for (const row of rows) {
    if (row.kind === "review") {
      const involvement = { started: row.started === true, answered: row.answered === true, submitted: row.submitted === true };
      if (!can(viewer, { type: "review:decide", teamId: row.team_id, involvement })) continue;
      queue.reviews.push({
        reviewId: row.review_id,
        service: queuedService(row),
        trigger: row.trigger,
        submittedAt: row.since,
        submittedBy: row.person,
        namesViewer: row.names_viewer,
      });
    } else if (row.waiver_id && can(viewer, { type: "waiver:approve", teamId: row.team_id, isRequester: row.is_requester })) {
      queue.waivers.push({
        waiverId: row.waiver_id,
        reviewId: row.review_id,
        service: queuedService(row),
        itemTitle: row.item_title ?? "",
        reason: row.reason ?? "",
        expiresOn: row.expires_on ?? "",
        requestedAt: row.since,
        requestedBy: row.person,
        namesViewer: row.names_viewer,
      });
    }
  }
  return queue;
}
