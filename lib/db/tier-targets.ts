import { db, type Tx } from "@/lib/db/client";
import { defaultTierTargets, parseTierTargets, type TierTargets } from "@/lib/domain/targets";
import { Prisma } from "@/lib/generated/prisma/client";

// The organisation's tier → level mapping, read in one way by every page, the engine and the admin screen.

export const TIER_TARGETS_KEY = "tierTargets";

/** The statement every reader runs (and the bench floor measures). */
export const TIER_TARGETS_SQL = Prisma.sql`SELECT value, updated_at FROM settings WHERE key = ${TIER_TARGETS_KEY}`;

export type TierTargetsSetting = {
  targets: TierTargets;
  /** "default": never saved; "invalid": a stored value failed validation, so the defaults are in force. */
  source: "saved" | "default" | "invalid";
  updatedAt: Date | null;
};

type Reader = Pick<Tx, "$queryRaw">;

/** The mapping and where it came from; a malformed setting falls back to the defaults rather than failing a read. */
export async function readTierTargetsSetting(reader: Reader = db()): Promise<TierTargetsSetting> {
  const [row] = await reader.$queryRaw<{ value: unknown; updated_at: Date }[]>(TIER_TARGETS_SQL);
  if (!row) return { targets: defaultTierTargets, source: "default", updatedAt: null };
  const parsed = parseTierTargets(row.value);
  return parsed.ok
    ? { targets: parsed.value, source: "saved", updatedAt: row.updated_at }
    : { targets: defaultTierTargets, source: "invalid", updatedAt: row.updated_at };
}

/** The mapping in force; pass the transaction when the read must see its writes and locks. */
export async function loadTierTargets(reader: Reader = db()): Promise<TierTargets> {
  return (await readTierTargetsSetting(reader)).targets;
}
