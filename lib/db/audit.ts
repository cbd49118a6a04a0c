import type { PoolClient } from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/permissions";

export type AuditContext = { viewer: Viewer; requestId?: string | null };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  teamId?: string | null;
  serviceId?: string | null;
  reviewId?: string | null;
  before?: unknown;
  after?: unknown;
};

function json(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and other non-JSON values become their JSON form, exactly as an API client would see them.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** The same event for a plain-SQL transaction (see sql-transaction.ts). */
export async function recordAuditSql(client: Pick<PoolClient, "query">, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const asJson = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await client.query(
    `INSERT INTO audit_events (actor_id, actor_email, request_id, action, entity_type, entity_id, team_id, service_id, review_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb)`,
    [
      ctx.viewer.id,
      ctx.viewer.email,
      ctx.requestId ?? null,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.teamId ?? null,
      entry.serviceId ?? null,
      entry.reviewId ?? null,
      asJson(entry.before),
      asJson(entry.after),
    ],
  );
}

/** Writes one audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: ctx.viewer.id,
      actorEmail: ctx.viewer.email,
      requestId: ctx.requestId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      teamId: entry.teamId ?? null,
      serviceId: entry.serviceId ?? null,
      reviewId: entry.reviewId ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}

export type AuditEventDto = {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

const auditSelect = {
  id: true,
  at: true,
  actorEmail: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
} as const;

function toDto(row: {
  id: bigint;
  at: Date;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}): AuditEventDto {
  return { ...row, id: row.id.toString() };
}

export async function listAuditForService(tx: Tx, serviceId: string, limit = 100): Promise<AuditEventDto[]> {
  const rows = await tx.auditEvent.findMany({ where: { serviceId }, orderBy: { id: "desc" }, take: limit, select: auditSelect });
  return rows.map(toDto);
}

export async function listAuditForReview(tx: Tx, reviewId: string, limit = 500): Promise<AuditEventDto[]> {
  const rows = await tx.auditEvent.findMany({ where: { reviewId }, orderBy: { id: "desc" }, take: limit, select: auditSelect });
  return rows.map(toDto);
}
