import { db } from "@/lib/db/client";
import { isoDay, isUuid, todayUtc } from "@/lib/db/review-access";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { getReviewTemplate } from "@/lib/db/review-data";
import { computeMaturity } from "@/lib/domain/maturity";
import { diffReviews, levelChange, type DiffItemInput, type LevelChange, type ReviewDiff } from "@/lib/domain/review-diff";
import { isReviewSnapshot, snapshotEvaluationInputs, type SnapshotEvaluationInputs } from "@/lib/domain/snapshot";
import { targetLevelForTier } from "@/lib/domain/targets";
import { LEVELS, type AchievedLevel, type Level, type ReviewStatus, type ReviewTrigger, type Tier, type Verdict } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// A service's record over time: decided reviews (from their summary columns, never their answers) and
// a diff between any two of its reviews (one review as a report is lib/db/review-report). Every signed-in person
// may read every service, so these reads take no viewer; the caller authenticates.

export type HistoryReview = {
  id: string;
  decidedAt: Date;
  trigger: ReviewTrigger;
  level: AchievedLevel | null;
  levelWithoutWaivers: AchievedLevel | null;
  targetLevel: Level | null;
  decision: Verdict | null;
  computedVerdict: Verdict | null;
  /** null for reviews decided before summary counts were recorded. */
  openBlockerCount: number | null;
};

export type OpenReviewRef = { id: string; status: ReviewStatus; trigger: ReviewTrigger; createdAt: Date };

export type ServiceHistory = {
  serviceId: string;
  tier: Tier;
  targetLevel: Level;
  currentLevel: AchievedLevel | null;
  lastVerdict: Verdict | null;
  lastDecidedAt: Date | null;
  /** Oldest first, so a chart reads left to right. */
  reviews: HistoryReview[];
  openReview: OpenReviewRef | null;
};

// A quarterly cadence makes four decisions a year; the cap only guards the page against a runaway import.
const HISTORY_LIMIT = 200;

function toAchievedLevel(value: number | null): AchievedLevel | null {
  return value === 0 || (LEVELS as readonly number[]).includes(value ?? -1) ? (value as AchievedLevel) : null;
}

function toLevel(value: number | null): Level | null {
  const level = toAchievedLevel(value);
  return level === 0 ? null : level;
}

const notFound = (what: string) => new AppError("NOT_FOUND", what);

type SummaryRow = { id: string; tier: number; current_level: number | null; current_verdict: Verdict | null; last_decided_at: Date | null };
type DecidedRow = {
  id: string;
  decided_at: Date;
  trigger: ReviewTrigger;
  level: number | null;
  level_without_waivers: number | null;
  target_level: number | null;
  decision: Verdict | null;
  computed_verdict: Verdict | null;
  open_blocker_count: number | null;
};

/** The history's statements, which the page starts together (and the bench floor measures). */
export function serviceHistorySql(serviceId: string): { summary: Prisma.Sql; decided: Prisma.Sql; open: Prisma.Sql } {
  return {
    summary: Prisma.sql`
      SELECT id::text AS id, tier, current_level, current_verdict::text AS current_verdict, last_decided_at
      FROM services WHERE id = ${serviceId}::uuid`,
    decided: Prisma.sql`
      SELECT id::text AS id, decided_at, trigger::text AS trigger, level, level_without_waivers, target_level,
             decision::text AS decision, computed_verdict::text AS computed_verdict, open_blocker_count
      FROM reviews WHERE service_id = ${serviceId}::uuid AND status = 'DECIDED' AND decided_at IS NOT NULL
      ORDER BY decided_at DESC, id DESC LIMIT ${HISTORY_LIMIT}::int`,
    open: Prisma.sql`
      SELECT id::text AS id, status::text AS status, trigger::text AS trigger, created_at AS "createdAt"
      FROM reviews WHERE service_id = ${serviceId}::uuid AND status IN ('DRAFT', 'SUBMITTED')
      ORDER BY created_at DESC, id DESC LIMIT 1`,
  };
}

export async function getServiceHistory(serviceId: string): Promise<ServiceHistory> {
  if (!isUuid(serviceId)) throw notFound("This service does not exist");
  const statements = serviceHistorySql(serviceId);
  const [[service], decided, [open], tierTargets] = await Promise.all([
    db().$queryRaw<SummaryRow[]>(statements.summary),
    db().$queryRaw<DecidedRow[]>(statements.decided),
    db().$queryRaw<OpenReviewRef[]>(statements.open),
    loadTierTargets(),
  ]);
  if (!service) throw notFound("This service does not exist");

  const reviews = decided.reverse().map((row) => ({
    id: row.id,
    decidedAt: row.decided_at,
    trigger: row.trigger,
    level: toAchievedLevel(row.level),
    levelWithoutWaivers: toAchievedLevel(row.level_without_waivers),
    targetLevel: toLevel(row.target_level),
    decision: row.decision,
    computedVerdict: row.computed_verdict,
    openBlockerCount: row.open_blocker_count,
  }));
  const tier = service.tier as Tier;
  // The services row caches the latest decision; until that cache is written (a review decided
  // before the summary existed) the newest decided review says the same thing.
  const latest = reviews.at(-1);
  const cached = service.last_decided_at !== null;
  return {
    serviceId: service.id,
    tier,
    targetLevel: targetLevelForTier(tier, tierTargets),
    currentLevel: cached ? toAchievedLevel(service.current_level) : (latest?.level ?? null),
    lastVerdict: cached ? service.current_verdict : (latest?.decision ?? latest?.computedVerdict ?? null),
    lastDecidedAt: cached ? service.last_decided_at : (latest?.decidedAt ?? null),
    reviews,
    openReview: open ?? null,
  };
}

export type DiffSide = {
  id: string;
  status: ReviewStatus;
  trigger: ReviewTrigger;
  createdAt: Date;
  decidedAt: Date | null;
  level: AchievedLevel;
  /** Decided reviews are compared as they were decided; open ones as they stand today. */
  isFrozen: boolean;
  evaluatedOn: string;
};

export type ServiceReviewDiff = {
  /** The earlier of the two reviews, whatever order they were asked in, so "regression" means "got worse". */
  before: DiffSide;
  after: DiffSide;
  diff: ReviewDiff;
  levelChange: LevelChange;
  concernTitles: Record<string, string>;
};

type DiffRow = {
  id: string;
  status: ReviewStatus;
  trigger: ReviewTrigger;
  createdAt: Date;
  decidedAt: Date | null;
  templateId: string;
  level: number | null;
  snapshot: unknown;
  service: { tier: number };
};

/** Only what outcomes need, for one review: no notes, evidence or people. */
async function loadInputs(reviewId: string): Promise<SnapshotEvaluationInputs> {
  const [answers, waivers] = await Promise.all([
    db().answer.findMany({ where: { reviewId }, select: { status: true, naReason: true, item: { select: { key: true } } } }),
    db().waiver.findMany({ where: { reviewId }, select: { status: true, expiresOn: true, item: { select: { key: true } } } }),
  ]);
  return {
    answers: Object.fromEntries(answers.map((a) => [a.item.key, { status: a.status, naReason: a.naReason }])),
    waivers: waivers.map((w) => ({ itemKey: w.item.key, expiresOn: isoDay(w.expiresOn), status: w.status })),
  };
}

async function evaluateSide(row: DiffRow, today: string) {
  const template = await getReviewTemplate(row.templateId);
  const isDecided = row.status === "DECIDED";
  const snapshot = isDecided && isReviewSnapshot(row.snapshot) ? row.snapshot : null;
  const tier = snapshot?.tier ?? (row.service.tier as Tier);
  // A decided review is judged on the day it was decided, so an expired waiver cannot rewrite it.
  const day = snapshot?.today ?? (isDecided && row.decidedAt ? isoDay(row.decidedAt) : today);
  const inputs = snapshot && snapshot.answers.length > 0 ? snapshotEvaluationInputs(snapshot) : await loadInputs(row.id);
  const maturity = computeMaturity({ items: template.items, tier, answers: inputs.answers, waivers: inputs.waivers, today: day });
  const frozenLevel = isDecided ? (snapshot?.level ?? toAchievedLevel(row.level)) : null;
  const items: DiffItemInput[] = maturity.applicableItems.map((item) => ({
    itemKey: item.key,
    itemTitle: item.title,
    concernKey: item.concernKey,
    level: item.level,
    isBlocker: item.isBlocker,
    outcome: maturity.outcomes[item.key] ?? "UNANSWERED",
  }));
  const side: DiffSide = {
    id: row.id,
    status: row.status,
    trigger: row.trigger,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    level: frozenLevel ?? maturity.level,
    isFrozen: isDecided,
    evaluatedOn: day,
  };
  return { side, items, concerns: template.concerns };
}

/** When a review's state is from: its decision, or now for a review still open. */
function asOf(row: DiffRow): number {
  return row.status === "DECIDED" && row.decidedAt ? row.decidedAt.getTime() : Number.POSITIVE_INFINITY;
}

export async function getReviewDiff(serviceId: string, fromReviewId: string, toReviewId: string): Promise<ServiceReviewDiff> {
  const mismatch = notFound("Those reviews are not both reviews of this service");
  if (![serviceId, fromReviewId, toReviewId].every(isUuid)) throw mismatch;
  const rows = await db().review.findMany({
    where: { id: { in: [fromReviewId, toReviewId] }, serviceId },
    select: {
      id: true,
      status: true,
      trigger: true,
      createdAt: true,
      decidedAt: true,
      templateId: true,
      level: true,
      snapshot: true,
      service: { select: { tier: true } },
    },
  });
  const from = rows.find((row) => row.id === fromReviewId);
  const to = rows.find((row) => row.id === toReviewId);
  if (!from || !to) throw mismatch;

  const [earlier, later] = asOf(to) < asOf(from) ? [to, from] : [from, to];
  const today = todayUtc();
  const [before, after] = await Promise.all([evaluateSide(earlier, today), evaluateSide(later, today)]);
  // The later template names concerns as they are now; the earlier one covers concerns since removed.
  const concernTitles = Object.fromEntries([...before.concerns, ...after.concerns].map((c) => [c.key, c.title]));
  return {
    before: before.side,
    after: after.side,
    diff: diffReviews(before.items, after.items),
    levelChange: levelChange(before.side.level, after.side.level),
    concernTitles,
  };
}
