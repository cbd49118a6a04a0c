import { can, type Viewer } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import type { PersonRef } from "@/lib/domain/types";

// People as records name them. Names are for everyone; e-mail addresses are for admins only, and visiblePerson is
// the one place that applies that rule.

export type { PersonRef };

/**
 * The person as this viewer may see them: the name for everyone, the e-mail address only for admins. Every DTO,
 * JSON body and document that names a person passes them through here before it leaves lib/db.
 */
export function visiblePerson<P extends PersonRef | null>(viewer: Viewer, person: P): P {
  if (person === null || can(viewer, { type: "people:read-email" })) return person;
  return { ...person, email: null };
}

/** Users referenced by id (answers and evidence keep no FK to users, so a removed user simply shows as unknown). */
export type People = ReadonlyMap<string, PersonRef>;

export async function loadPeople(client: Pick<Tx, "user">, ids: readonly (string | null)[]): Promise<People> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await client.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(rows.map((row) => [row.id, row]));
}

/** By lowercased e-mail address: for records that name people by address (decision snapshots, audit values). */
export async function loadPeopleByEmail(client: Pick<Tx, "user">, emails: readonly (string | null)[]): Promise<People> {
  const unique = [...new Set(emails.filter((email): email is string => email !== null).map((email) => email.toLowerCase()))];
  if (unique.length === 0) return new Map();
  const rows = await client.user.findMany({
    where: { OR: unique.map((email) => ({ email: { equals: email, mode: "insensitive" as const } })) },
    select: { id: true, name: true, email: true },
  });
  return new Map(rows.map((row) => [row.email.toLowerCase(), row]));
}

/** The person a record names by address; someone no longer on record keeps the address (for admins) but no name. */
export function personByEmail(people: People, email: string | null): PersonRef | null {
  if (email === null) return null;
  return people.get(email.toLowerCase()) ?? { id: "", name: "Unknown person", email };
}
