import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/permissions";
import type { AuditContext } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { getMeetingOutcomes, recordMeetingOutcome } from "@/lib/db/meeting-outcomes";
import { listDueServices } from "@/lib/db/quarterly-agenda";
import {
  ADMIN_READER,
  createDecidedReview,
  createTeam,
  createViewer,
  createWaiverRow,
  ctxOf,
  madeRowsForFile,
  templateItemForFile,
} from "@/lib/db/review-test-fixtures";
import { addQuarters, currentQuarter, quarterEnd, quarterStart } from "@/lib/domain/quarters";
import type { LifecycleStage, ReviewTrigger, Role, Verdict } from "@/lib/domain/types";
import type { AppError } from "@/lib/errors";
import { MEETING_QUARTERS, meetingOutcomeInput } from "@/lib/schemas/quarterly";
import { isoDay, MS_PER_DAY, shiftDays } from "@/lib/domain/days";

// The database is shared with other tests: every test makes its own team (random slug) and every agenda query is
// filtered by that team, so other rows never change what is asserted here.

const DAY = MS_PER_DAY;
const now = new Date();
const quarter = currentQuarter(now);
const made = madeRowsForFile();
const template = templateItemForFile();

async function makeTeam(): Promise<{ id: string; slug: string }> {
  return createTeam("quarterly", made);
}

async function makeService(teamId: string, name: string, options: { lifecycle?: LifecycleStage; createdAt?: Date } = {}): Promise<string> {
  const slug = `q-${randomUUID().slice(0, 8)}`;
  const service = await db().service.create({
    data: {
      slug,
      name,
      teamId,
      tier: 2,
      lifecycle: options.lifecycle ?? "PRODUCTION",
      createdAt: options.createdAt ?? new Date(now.getTime() - 1000 * DAY),
    },
    select: { id: true },
  });
  return service.id;
}

type Decision = { at: Date; level: number; verdict: Verdict; blockers?: number; notMet?: number };

/** A decided review with summary counts; the services row is then refreshed exactly as the deciding transaction does. */
async function decide(serviceId: string, d: Decision): Promise<string> {
  return createDecidedReview({
    serviceId,
    templateId: template.templateId,
    decidedAt: d.at,
    level: d.level,
    computedVerdict: d.verdict,
    decision: d.verdict,
    openBlockerCount: d.blockers ?? 0,
    notMetCount: d.notMet ?? 1,
  });
}

async function openReview(serviceId: string, trigger: ReviewTrigger) {
  await db().review.create({ data: { serviceId, templateId: template.templateId, trigger, status: "DRAFT" } });
}

async function makeViewer(role: Role, teamIds: string[] = []): Promise<Viewer> {
  return createViewer(role, teamIds, "quarterly", made);
}

const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY - ms);
const futureDay = isoDay(shiftDays(now, 14));

async function agendaNames(teamSlug: string): Promise<string[]> {
  const page = await listDueServices(quarter, { team: teamSlug, now });
  return page.rows.map((row) => row.name);
}

describe("listDueServices: who is due", () => {
  it("a review exactly 90 days old still covers the service; one millisecond older is due; never reviewed is due", async () => {
    const team = await makeTeam();
    await decide(await makeService(team.id, "Exactly 90"), { at: ago(90), level: 2, verdict: "GO" });
    await decide(await makeService(team.id, "Over 90"), { at: ago(90, 1), level: 2, verdict: "GO" });
    await makeService(team.id, "Never reviewed");
    await makeService(team.id, "Retired", { lifecycle: "RETIRED" });

    const page = await listDueServices(quarter, { team: team.slug, now });
    expect(page.rows.map((row) => [row.name, row.dueReason])).toEqual([
      ["Never reviewed", "never-reviewed"],
      ["Over 90", "stale"],
    ]);
    expect(page.total).toBe(2);
    expect(page.rows[1]?.daysSinceReview).toBe(90);
  });

  it("a pending non-quarterly trigger makes a recently reviewed service due; an open quarterly review does not", async () => {
    const team = await makeTeam();
    const incident = await makeService(team.id, "Had an incident");
    await decide(incident, { at: ago(10), level: 3, verdict: "GO" });
    await openReview(incident, "POST_INCIDENT");
    const routine = await makeService(team.id, "Routine");
    await decide(routine, { at: ago(10), level: 3, verdict: "GO" });
    await openReview(routine, "QUARTERLY");

    const page = await listDueServices(quarter, { team: team.slug, now });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      name: "Had an incident",
      dueReason: "trigger",
      pendingTrigger: "POST_INCIDENT",
      daysSinceReview: 10,
    });
    expect(page.counts.pendingTriggers).toBe(1);
  });

  it("a past quarter is judged on the reviews decided before it ended, not on later ones", async () => {
    const team = await makeTeam();
    const past = "2025-Q2";
    const end = quarterEnd(past);
    const service = await makeService(team.id, "Reviewed late", { createdAt: new Date(end.getTime() - 400 * DAY) });
    await decide(service, { at: new Date(end.getTime() - 200 * DAY), level: 1, verdict: "NO_GO" });
    await decide(service, { at: ago(10), level: 3, verdict: "GO" });
    await makeService(team.id, "Created later", { createdAt: new Date(end.getTime() + DAY) });

    const page = await listDueServices(past, { team: team.slug, now });
    expect(page.asOf).toEqual(end);
    expect(page.rows.map((row) => [row.name, row.latest?.level, row.daysSinceReview])).toEqual([["Reviewed late", 1, 200]]);
    // As of now the same service is covered by its latest review, and the newer service is due.
    expect(await agendaNames(team.slug)).toEqual(["Created later"]);
  });
});

describe("listDueServices: what changed and the order", () => {
  it("puts regressions first, then expiring waivers, then pending triggers, then the longest overdue", async () => {
    const team = await makeTeam();
    await makeService(team.id, "A never reviewed");
    const stale = await makeService(team.id, "B stale");
    await decide(stale, { at: ago(300), level: 2, verdict: "GO" });
    const trigger = await makeService(team.id, "C trigger");
    await decide(trigger, { at: ago(5), level: 2, verdict: "GO" });
    await openReview(trigger, "MAJOR_RELEASE");
    const waiver = await makeService(team.id, "D waiver");
    const waived = await decide(waiver, { at: ago(100), level: 2, verdict: "GO" });
    const expiresOn = isoDay(shiftDays(now, 10));
    await createWaiverRow({ reviewId: waived, itemId: template.itemId, expiresOn, status: "APPROVED" });
    const blockers = await makeService(team.id, "E more blockers");
    await decide(blockers, { at: ago(200), level: 2, verdict: "GO", blockers: 0, notMet: 1 });
    await decide(blockers, { at: ago(95), level: 2, verdict: "GO", blockers: 2, notMet: 4 });
    const dropped = await makeService(team.id, "F dropped");
    await decide(dropped, { at: ago(200), level: 3, verdict: "GO" });
    await decide(dropped, { at: ago(120), level: 1, verdict: "CONDITIONAL_GO" });
    const improved = await makeService(team.id, "G improved");
    await decide(improved, { at: ago(200), level: 1, verdict: "NO_GO", blockers: 3 });
    await decide(improved, { at: ago(150), level: 3, verdict: "GO" });

    const page = await listDueServices(quarter, { team: team.slug, now });
    // Regressions by longest overdue (F decided 120 days ago, E 95), then the waiver, the trigger, the rest.
    expect(page.rows.map((row) => row.name)).toEqual([
      "F dropped",
      "E more blockers",
      "D waiver",
      "C trigger",
      "A never reviewed",
      "B stale",
      "G improved",
    ]);
    expect(page.rows.map((row) => row.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(page.counts).toMatchObject({ regressions: 2, expiringWaivers: 1, pendingTriggers: 1 });

    const [f, e, d] = page.rows;
    expect(f?.change).toMatchObject({ isRegression: true, verdict: { before: "GO", after: "CONDITIONAL_GO", direction: "stricter" } });
    expect(f?.change.level).toMatchObject({ before: 3, after: 1, direction: "down" });
    expect(e?.change).toMatchObject({ isRegression: true, openBlockersDelta: 2, notMetDelta: 3 });
    expect(d?.expiringWaivers).toEqual({ count: 1, soonest: expiresOn });
    expect(page.rows[6]?.change).toMatchObject({ isRegression: false, level: { direction: "up" }, verdict: { direction: "looser" } });
  });

  it("pages in SQL and keeps each row's place in the whole agenda", async () => {
    const team = await makeTeam();
    for (const name of ["S1", "S2", "S3"]) await makeService(team.id, name);
    const second = await listDueServices(quarter, { team: team.slug, now, page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(second.rows.map((row) => [row.name, row.position])).toEqual([["S3", 2]]);
    const beyond = await listDueServices(quarter, { team: team.slug, now, page: 5, pageSize: 2 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(3);
  });
});

describe("recordMeetingOutcome", () => {
  /** Parsed with the outcome form's schema first, as the server action does. */
  const record = (ctx: AuditContext, serviceId: string, outcome: unknown) =>
    recordMeetingOutcome(ctx, quarter, serviceId, meetingOutcomeInput.parse(outcome));

  async function world() {
    const team = await makeTeam();
    const serviceId = await makeService(team.id, "Discussed");
    const chair = await makeViewer("APPROVER");
    return { team, serviceId, chair, ctx: ctxOf(chair) };
  }

  it("requires an owner and a due date (not in the past) for a follow-up, as field errors", async () => {
    const { serviceId, ctx } = await world();
    // The shape is the schema's to refuse (before lib/db); the past is lib/db's, which knows the recorded date.
    const missing = meetingOutcomeInput.safeParse({
      outcome: "FOLLOW_UP",
      note: "",
      followUpOwner: " ",
      followUpDue: "",
      expectedVersion: null,
    });
    expect(missing.success).toBe(false);
    const fieldErrors = missing.error ? z.flattenError(missing.error).fieldErrors : {};
    expect(fieldErrors.followUpOwner).toEqual(["Name who owns the follow-up"]);
    expect(fieldErrors.followUpDue).toEqual(["Enter the follow-up's due date"]);

    const past = await record(ctx, serviceId, {
      outcome: "FOLLOW_UP",
      followUpOwner: "Ops",
      followUpDue: "2020-01-01",
      expectedVersion: null,
    }).catch((e: unknown) => e);
    expect((past as AppError).details?.fieldErrors).toEqual({ followUpDue: ["The due date cannot be in the past"] });
    expect(await getMeetingOutcomes(ADMIN_READER, quarter, [serviceId])).toEqual(new Map());
  });

  it("keeps a follow-up's due date on record after it passed, but refuses moving it to another past day", async () => {
    const { serviceId, ctx } = await world();
    const followUp = { outcome: "FOLLOW_UP", followUpOwner: "Ops", followUpDue: "2020-01-10" };
    const recorded = await recordMeetingOutcome(
      ctx,
      quarter,
      serviceId,
      meetingOutcomeInput.parse({ ...followUp, expectedVersion: null }),
      {
        now: new Date("2020-01-01T12:00:00Z"),
      },
    );
    const renoted = await record(ctx, serviceId, { ...followUp, note: "Still open", expectedVersion: recorded.version });
    expect(renoted).toMatchObject({ followUpDue: "2020-01-10", note: "Still open", version: 2 });
    const moved = await record(ctx, serviceId, { ...followUp, followUpDue: "2020-01-11", expectedVersion: 2 }).catch((e: unknown) => e);
    expect(moved).toMatchObject({ code: "VALIDATION", details: { fieldErrors: { followUpDue: ["The due date cannot be in the past"] } } });
  });

  it("records, updates with the version it saw, refuses a stale version with the current outcome, and audits each change", async () => {
    const { team, serviceId, chair, ctx } = await world();
    const first = await record(ctx, serviceId, {
      outcome: "FOLLOW_UP",
      note: "Fix alerts",
      followUpOwner: "Dana",
      followUpDue: futureDay,
      expectedVersion: null,
    });
    expect(first).toMatchObject({
      outcome: "FOLLOW_UP",
      followUpOwner: "Dana",
      followUpDue: futureDay,
      version: 1,
      // The chair is an approver, so the outcome names them without their e-mail address.
      recordedBy: { id: chair.id, name: chair.name, email: null },
    });

    const second = await record(ctx, serviceId, {
      outcome: "REVIEWED",
      note: "Done",
      followUpOwner: "Dana",
      followUpDue: futureDay,
      expectedVersion: 1,
    });
    // A "reviewed" outcome keeps no owner or due date, even when the form still sent them.
    expect(second).toMatchObject({ outcome: "REVIEWED", followUpOwner: null, followUpDue: null, version: 2 });

    const stale = await record(ctx, serviceId, { outcome: "REVIEWED", note: "Mine", expectedVersion: 1 }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: "CONFLICT", details: { reason: "STALE_VERSION", current: { version: 2, note: "Done" } } });
    const firstAgain = await record(ctx, serviceId, { outcome: "REVIEWED", expectedVersion: null }).catch((e: unknown) => e);
    expect(firstAgain).toMatchObject({ code: "CONFLICT" });

    const audit = await db().auditEvent.findMany({ where: { serviceId, action: "meeting_outcome.recorded" }, orderBy: { id: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ entityType: "meeting_outcome", entityId: first.id, teamId: team.id, actorId: chair.id, before: null });
    expect(audit[0]?.after).toMatchObject({ quarter, outcome: "FOLLOW_UP", followUpOwner: "Dana", followUpDue: futureDay, version: 1 });
    expect(audit[1]?.before).toMatchObject({ outcome: "FOLLOW_UP", version: 1 });
    expect(audit[1]?.after).toMatchObject({ outcome: "REVIEWED", version: 2 });

    const outcomes = await getMeetingOutcomes(chair, quarter, [serviceId]);
    expect(outcomes.get(serviceId)).toMatchObject({ note: "Done", version: 2, recordedBy: { name: chair.name, email: null } });
    const forAdmin = await getMeetingOutcomes(ADMIN_READER, quarter, [serviceId]);
    expect(forAdmin.get(serviceId)?.recordedBy).toEqual({ id: chair.id, name: chair.name, email: chair.email });
  });

  it("lets approvers and admins from outside the team record; refuses viewers, editors and the owning team itself", async () => {
    const { team, serviceId } = await world();
    const other = await makeTeam();
    const input = { outcome: "REVIEWED", expectedVersion: null };
    const refused = [
      await makeViewer("VIEWER", [team.id]),
      await makeViewer("EDITOR", [other.id]),
      // Nobody marks their own team's service reviewed, or gives it a follow-up.
      await makeViewer("EDITOR", [team.id]),
      await makeViewer("APPROVER", [team.id]),
      await makeViewer("ADMIN", [team.id]),
    ];
    for (const viewer of refused) {
      await expect(record({ viewer }, serviceId, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        record({ viewer }, serviceId, { outcome: "FOLLOW_UP", followUpOwner: "Ops", followUpDue: futureDay, expectedVersion: null }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await getMeetingOutcomes(ADMIN_READER, quarter, [serviceId])).toEqual(new Map());
    const admin = await makeViewer("ADMIN", [other.id]);
    await expect(record({ viewer: admin }, serviceId, input)).resolves.toMatchObject({ version: 1 });
    const parsed = meetingOutcomeInput.parse(input);
    await expect(recordMeetingOutcome({ viewer: admin }, "2026-Q5", serviceId, parsed)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("records outcomes only for quarters the meeting page offers, and only for services on that quarter's agenda", async () => {
    const { team, serviceId, ctx } = await world();
    const input = meetingOutcomeInput.parse({ outcome: "REVIEWED", expectedVersion: null });
    for (const far of ["9999-Q4", addQuarters(quarter, 1), addQuarters(quarter, -MEETING_QUARTERS)]) {
      await expect(recordMeetingOutcome(ctx, far, serviceId, input)).rejects.toMatchObject({
        code: "VALIDATION",
        details: { reason: "QUARTER_OUT_OF_RANGE" },
      });
    }
    // Decided a day ago: not due this quarter, so not on its agenda.
    const fresh = await makeService(team.id, "Fresh");
    await decide(fresh, { at: ago(1), level: 2, verdict: "GO" });
    await expect(recordMeetingOutcome(ctx, quarter, fresh, input)).rejects.toMatchObject({
      code: "VALIDATION",
      details: { reason: "NOT_ON_AGENDA" },
    });
    expect(await db().meetingOutcome.count({ where: { serviceId: { in: [serviceId, fresh] } } })).toBe(0);
    // The oldest quarter the page offers still takes an outcome for a service that was due then.
    const oldest = addQuarters(quarter, 1 - MEETING_QUARTERS);
    const old = await makeService(team.id, "Old", { createdAt: new Date(quarterStart(oldest).getTime() - 200 * DAY) });
    await expect(recordMeetingOutcome(ctx, oldest, old, input)).resolves.toMatchObject({ quarter: oldest, version: 1 });
  });

  it("keeps a discussed service on the agenda after it is reviewed, so the minutes never lose it, and counts outcomes", async () => {
    const { team, serviceId, ctx } = await world();
    await record(ctx, serviceId, {
      outcome: "FOLLOW_UP",
      followUpOwner: "Ops",
      followUpDue: futureDay,
      expectedVersion: null,
    });
    await decide(serviceId, { at: ago(1), level: 2, verdict: "GO" });
    const page = await listDueServices(quarter, { team: team.slug, now });
    expect(page.rows.map((row) => [row.name, row.dueReason])).toEqual([["Discussed", null]]);
    expect(page.counts).toMatchObject({ reviewed: 0, followUp: 1 });
  });
});
