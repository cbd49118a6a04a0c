import type { Viewer } from "@/lib/auth/permissions";
import { assertAdmin } from "@/lib/db/admin-users";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { readTierTargetsSetting, TIER_TARGETS_KEY, type TierTargetsSetting } from "@/lib/db/tier-targets";
import type { TierTargets } from "@/lib/domain/targets";
import { TIERS, type Level } from "@/lib/domain/types";

// Organisation-wide settings an admin reads and changes, plus the read-only facts the admin pages show
// (template versions, headline counts). Readers elsewhere use loadTierTargets (lib/db/tier-targets.ts).

export async function getTierTargetsSetting(viewer: Viewer): Promise<TierTargetsSetting> {
  assertAdmin(viewer);
  return readTierTargetsSetting();
}

/** JSON object keys are strings, so the stored shape is {"1":3,"2":2,"3":1}. */
function toStored(targets: TierTargets): Record<string, Level> {
  return Object.fromEntries(TIERS.map((tier) => [String(tier), targets[tier]]));
}

/** Saves targets checked by the domain's parser (tierTargetsInput runs it) and audits the change together. */
export async function saveTierTargets(ctx: AuditContext, targets: TierTargets): Promise<TierTargets> {
  assertAdmin(ctx.viewer);
  const value = toStored(targets);
  return db().$transaction(async (tx) => {
    // Locked (when it exists), so the audited `before` is the value actually replaced.
    await tx.$queryRaw`SELECT 1 FROM settings WHERE key = ${TIER_TARGETS_KEY} FOR UPDATE`;
    const before = await tx.setting.findUnique({ where: { key: TIER_TARGETS_KEY }, select: { value: true } });
    await tx.setting.upsert({
      where: { key: TIER_TARGETS_KEY },
      create: { key: TIER_TARGETS_KEY, value },
      update: { value },
      select: { key: true },
    });
    await recordAudit(tx, ctx, {
      action: "settings.tierTargets.updated",
      entityType: "setting",
      entityId: TIER_TARGETS_KEY,
      before: before?.value ?? null,
      after: value,
    });
    return targets;
  });
}

export type TemplateVersionItem = { key: string; title: string; level: Level; isBlocker: boolean; blockerRule: string | null };
export type TemplateVersion = {
  id: string;
  key: string;
  version: number;
  name: string;
  description: string;
  createdAt: Date;
  reviewCount: number;
  items: TemplateVersionItem[];
};

/** Every installed checklist template version, newest first per key, with its items in checklist order. */
export async function listTemplateVersions(viewer: Viewer): Promise<TemplateVersion[]> {
  assertAdmin(viewer);
  const rows = await db().checklistTemplate.findMany({
    orderBy: [{ key: "asc" }, { version: "desc" }],
    select: {
      id: true,
      key: true,
      version: true,
      name: true,
      description: true,
      createdAt: true,
      _count: { select: { reviews: true } },
      items: { orderBy: { position: "asc" }, select: { key: true, title: true, level: true, isBlocker: true, blockerRule: true } },
    },
  });
  // The database holds levels to 1–4 (CHECK constraint), so `as Level` only restates it.
  return rows.map(({ _count, items, ...row }) => ({
    ...row,
    reviewCount: _count.reviews,
    items: items.map((item) => ({ ...item, level: item.level as Level })),
  }));
}

export type AdminOverview = {
  activeUsers: number;
  disabledUsers: number;
  invitedUsers: number;
  activeAdmins: number;
  teams: number;
  templateVersions: number;
  tierTargets: TierTargetsSetting;
};

export async function getAdminOverview(viewer: Viewer): Promise<AdminOverview> {
  assertAdmin(viewer);
  const [activeUsers, disabledUsers, invitedUsers, activeAdmins, teams, templateVersions, tierTargets] = await Promise.all([
    db().user.count({ where: { disabledAt: null } }),
    db().user.count({ where: { disabledAt: { not: null } } }),
    db().user.count({ where: { disabledAt: null, oidcSubject: null, passwordHash: null } }),
    db().user.count({ where: { disabledAt: null, role: "ADMIN" } }),
    db().team.count(),
    db().checklistTemplate.count(),
    getTierTargetsSetting(viewer),
  ]);
  return { activeUsers, disabledUsers, invitedUsers, activeAdmins, teams, templateVersions, tierTargets };
}
