import type { PoolClient } from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { can, type Viewer } from "@/lib/auth/permissions";
import { loadPeopleByEmail, personByEmail, visiblePerson, type People, type PersonRef } from "@/lib/db/people";

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

/** An audit event as a viewer may read it: people by name, with e-mail addresses only for admins (see withNames). */
export type AuditEventDto = {
  id: string;
  at: Date;
  /** null for the system. */
  actor: PersonRef | null;
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

/** The row as Prisma reads it: the id is a bigserial, the actor a stored address. */
type AuditRow = Omit<AuditEventDto, "id" | "actor"> & { id: bigint; actorEmail: string | null };

// An address in a stored value (actors, "approvedByEmail", or typed into a note). The lookbehind starts a match only
// at the start of a run, so a long run without "@" is scanned once.
const EMAIL_ADDRESS = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function addressesIn(value: unknown): string[] {
  if (typeof value === "string") return value.match(EMAIL_ADDRESS) ?? [];
  if (Array.isArray(value)) return value.flatMap(addressesIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(addressesIn);
  return [];
}

/** For viewers who may not read e-mail addresses: each address becomes its person's name, a field "xByEmail" becomes "xBy". */
function withNames(value: unknown, people: People): unknown {
  if (typeof value === "string") return value.replace(EMAIL_ADDRESS, (address) => personByEmail(people, address)?.name ?? address);
  if (Array.isArray(value)) return value.map((entry) => withNames(entry, people));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([field, entry]) => [
        field.endsWith("Email") ? field.slice(0, -"Email".length) : field,
        withNames(entry, people),
      ]),
    );
  }
  return value;
}

async function toVisibleEvents(tx: Pick<Tx, "user">, viewer: Viewer, rows: readonly AuditRow[]): Promise<AuditEventDto[]> {
  const people = await loadPeopleByEmail(
    tx,
    rows.flatMap((row) => [row.actorEmail, ...addressesIn(row.before), ...addressesIn(row.after)]),
  );
  const mayReadEmail = can(viewer, { type: "people:read-email" });
  return rows.map(({ id, actorEmail, before, after, ...row }) => ({
    ...row,
    id: id.toString(),
    actor: visiblePerson(viewer, personByEmail(people, actorEmail)),
    before: mayReadEmail ? before : withNames(before, people),
    after: mayReadEmail ? after : withNames(after, people),
  }));
}

export async function listAuditForService(tx: Tx, viewer: Viewer, serviceId: string, limit = 100): Promise<AuditEventDto[]> {
  const rows = await tx.auditEvent.findMany({ where: { serviceId }, orderBy: { id: "desc" }, take: limit, select: auditSelect });
  return toVisibleEvents(tx, viewer, rows);
}

export async function listAuditForReview(tx: Tx, viewer: Viewer, reviewId: string, limit = 500): Promise<AuditEventDto[]> {
  const rows = await tx.auditEvent.findMany({ where: { reviewId }, orderBy: { id: "desc" }, take: limit, select: auditSelect });
  return toVisibleEvents(tx, viewer, rows);
}
