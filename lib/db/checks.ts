import { can } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { loadPeople } from "@/lib/db/people";
import { isFresh, type CheckKind, type CheckStatus, type ProbeOutcome } from "@/lib/domain/checks";
import { AppError } from "@/lib/errors";
import type { CheckBindingInput, CheckResultsInput } from "@/lib/schemas/checks";

// Automated check results and the bindings that say which checklist items expect them. Pushed results are written
// by a person's API token and audited; probe results are the scheduler's own observations, kept with their source.

export const DEFAULT_VALID_FOR_MINUTES = 1440;

export type CheckBindingDto = { id: string; itemKey: string; kind: CheckKind; validForMinutes: number; timeoutMs: number; version: number };

export type CheckResultDto = {
  itemKey: string;
  source: CheckKind;
  status: CheckStatus;
  summary: string;
  detailsUrl: string | null;
  observedAt: Date;
  validUntil: Date;
  /** Who pushed it (by name); null for the scheduler's own probes. */
  recordedBy: string | null;
  isFresh: boolean;
};

const bindingSelect = { id: true, itemKey: true, kind: true, validForMinutes: true, timeoutMs: true, version: true } as const;

export async function listCheckBindings(): Promise<CheckBindingDto[]> {
  return db().checkBinding.findMany({ orderBy: { itemKey: "asc" }, select: bindingSelect });
}

function assertAdmin(ctx: AuditContext) {
  if (!can(ctx.viewer, { type: "admin" })) throw new AppError("FORBIDDEN", "Only admins bind checklist items to automated checks");
}

async function assertItemKeys(keys: readonly string[], field: (index: number) => string): Promise<void> {
  const known = new Set(
    (await db().checklistItem.findMany({ where: { key: { in: [...new Set(keys)] } }, select: { key: true }, distinct: ["key"] })).map(
      (row) => row.key,
    ),
  );
  const fieldErrors: Record<string, string[]> = {};
  keys.forEach((key, index) => {
    if (!known.has(key)) fieldErrors[field(index)] = [`No checklist item has the key "${key}"`];
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Some results name no checklist item", { fieldErrors });
}

/** Binds an item to a check, or changes its binding; one binding per item key. */
export async function saveCheckBinding(ctx: AuditContext, input: CheckBindingInput): Promise<CheckBindingDto> {
  assertAdmin(ctx);
  await assertItemKeys([input.itemKey], () => "itemKey");
  return db().$transaction(async (tx) => {
    const before = await tx.checkBinding.findUnique({ where: { itemKey: input.itemKey }, select: bindingSelect });
    const data = { kind: input.kind, validForMinutes: input.validForMinutes, timeoutMs: input.timeoutMs };
    const saved = before
      ? await tx.checkBinding.update({
          where: { itemKey: input.itemKey },
          data: { ...data, version: { increment: 1 } },
          select: bindingSelect,
        })
      : await tx.checkBinding.create({ data: { ...data, itemKey: input.itemKey, createdById: ctx.viewer.id }, select: bindingSelect });
    await recordAudit(tx, ctx, {
      action: before ? "check.binding.updated" : "check.binding.created",
      entityType: "check_binding",
      entityId: saved.id,
      before,
      after: saved,
    });
    return saved;
  });
}

export async function removeCheckBinding(ctx: AuditContext, itemKey: string): Promise<void> {
  assertAdmin(ctx);
  await db().$transaction(async (tx) => {
    const before = await tx.checkBinding.findUnique({ where: { itemKey }, select: bindingSelect });
    if (!before) throw new AppError("NOT_FOUND", `"${itemKey}" is not bound to a check`);
    await tx.checkBinding.delete({ where: { itemKey } });
    await recordAudit(tx, ctx, { action: "check.binding.removed", entityType: "check_binding", entityId: before.id, before });
  });
}

/** Results a pipeline pushes for one service, all or nothing; the token's person must be allowed to edit the service's reviews. */
export async function recordPushedResults(
  ctx: AuditContext,
  serviceSlug: string,
  input: CheckResultsInput,
  now: Date = new Date(),
): Promise<{ recorded: number }> {
  const service = await db().service.findUnique({ where: { slug: serviceSlug }, select: { id: true, teamId: true } });
  if (!service) throw new AppError("NOT_FOUND", `No service with slug "${serviceSlug}"`);
  if (!can(ctx.viewer, { type: "checks:record", teamId: service.teamId })) {
    throw new AppError("FORBIDDEN", "Only editors of the team that owns this service (or admins) can record its check results");
  }
  await assertItemKeys(
    input.results.map((r) => r.itemKey),
    (index) => `results.${index}.itemKey`,
  );
  const bindings = new Map((await listCheckBindings()).map((b) => [b.itemKey, b]));
  const rows = input.results.map((result) => {
    const observedAt = result.observedAt ? new Date(result.observedAt) : now;
    const minutes = result.validForMinutes ?? bindings.get(result.itemKey)?.validForMinutes ?? DEFAULT_VALID_FOR_MINUTES;
    return {
      serviceId: service.id,
      itemKey: result.itemKey,
      source: "CI" as const,
      status: result.status,
      summary: result.summary,
      detailsUrl: result.detailsUrl ?? null,
      observedAt,
      validUntil: new Date(observedAt.getTime() + minutes * 60_000),
      recordedById: ctx.viewer.id,
    };
  });
  await db().$transaction(async (tx) => {
    await tx.checkResult.createMany({ data: rows });
    await recordAudit(tx, ctx, {
      action: "check.results.recorded",
      entityType: "service",
      entityId: service.id,
      teamId: service.teamId,
      serviceId: service.id,
      after: { results: rows.map((r) => ({ itemKey: r.itemKey, status: r.status, observedAt: r.observedAt, validUntil: r.validUntil })) },
    });
  });
  return { recorded: rows.length };
}

/** One probe of a service's health URL, recorded for every item bound to it. */
export async function recordProbeResults(
  serviceId: string,
  bindings: readonly Pick<CheckBindingDto, "itemKey" | "validForMinutes">[],
  outcome: ProbeOutcome,
  observedAt: Date,
  detailsUrl: string,
): Promise<void> {
  await db().checkResult.createMany({
    data: bindings.map((binding) => ({
      serviceId,
      itemKey: binding.itemKey,
      source: "HTTP_PROBE" as const,
      status: outcome.status,
      summary: outcome.summary,
      detailsUrl,
      observedAt,
      validUntil: new Date(observedAt.getTime() + binding.validForMinutes * 60_000),
    })),
  });
}

/** Services the probes visit: every one that declares a health URL. */
export async function servicesWithHealthUrl(): Promise<{ id: string; slug: string; healthUrl: string }[]> {
  const rows = await db().service.findMany({
    where: { healthUrl: { not: null } },
    select: { id: true, slug: true, healthUrl: true },
    orderBy: { slug: "asc" },
  });
  return rows.flatMap((row) => (row.healthUrl ? [{ id: row.id, slug: row.slug, healthUrl: row.healthUrl }] : []));
}

type LatestRow = {
  item_key: string;
  source: CheckKind;
  status: CheckStatus;
  summary: string;
  details_url: string | null;
  observed_at: Date;
  valid_until: Date;
  recorded_by_id: string | null;
};

/** The latest result per item for one service (fresh or not), keyed by item key. */
export async function latestCheckResults(serviceId: string, now: Date = new Date()): Promise<Map<string, CheckResultDto>> {
  const rows = await db().$queryRaw<LatestRow[]>`
    SELECT DISTINCT ON (item_key) item_key, source::text AS source, status::text AS status, summary, details_url, observed_at,
           valid_until, recorded_by_id::text AS recorded_by_id
    FROM check_results WHERE service_id = ${serviceId}::uuid
    ORDER BY item_key, observed_at DESC, created_at DESC`;
  const people = await loadPeople(
    db(),
    rows.map((row) => row.recorded_by_id),
  );
  return new Map(
    rows.map((row) => [
      row.item_key,
      {
        itemKey: row.item_key,
        source: row.source,
        status: row.status,
        summary: row.summary,
        detailsUrl: row.details_url,
        observedAt: row.observed_at,
        validUntil: row.valid_until,
        recordedBy: row.recorded_by_id ? (people.get(row.recorded_by_id)?.name ?? null) : null,
        isFresh: isFresh({ validUntil: row.valid_until }, now),
      },
    ]),
  );
}
