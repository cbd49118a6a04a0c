import type { PoolClient } from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
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

/** A Prisma transaction, or a pg client inside a plain-SQL transaction (see sql-transaction.ts). */
export type AuditTarget = Pick<Tx, "$executeRaw"> | Pick<PoolClient, "query">;

// Dates and other non-JSON values become their JSON form, exactly as an API client would see them.
const asJson = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

function auditInsertSql(ctx: AuditContext, entry: AuditEntry): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO audit_events (actor_id, actor_email, request_id, action, entity_type, entity_id, team_id, service_id, review_id, before, after)
    VALUES (${ctx.viewer.id}::uuid, ${ctx.viewer.email}, ${ctx.requestId ?? null}, ${entry.action}, ${entry.entityType}, ${entry.entityId},
            ${entry.teamId ?? null}::uuid, ${entry.serviceId ?? null}::uuid, ${entry.reviewId ?? null}::uuid,
            ${asJson(entry.before)}::jsonb, ${asJson(entry.after)}::jsonb)`;
}

/** Writes one audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(target: AuditTarget, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const sql = auditInsertSql(ctx, entry);
  if ("$executeRaw" in target) await target.$executeRaw(sql);
  else await target.query(sql.text, sql.values);
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

/** The row as Prisma reads it: the id is a bigserial. */
function toDto(row: Omit<AuditEventDto, "id"> & { id: bigint }): AuditEventDto {
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
