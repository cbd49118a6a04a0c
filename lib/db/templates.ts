import { db, type Tx } from "@/lib/db/client";
import { DEFAULT_TEMPLATE, type TemplateDef } from "@/lib/domain/default-template";
import type { ChecklistItemDef, ConcernKind, Level, Tier } from "@/lib/domain/types";

/**
 * Installs a template version once. Versions are immutable: reviews keep the version they started
 * with, so an existing (key, version) is never rewritten.
 */
export async function installTemplate(
  template: TemplateDef,
  client: Tx | ReturnType<typeof db> = db(),
): Promise<{ id: string; created: boolean }> {
  const existing = await client.checklistTemplate.findUnique({
    where: { key_version: { key: template.key, version: template.version } },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const created = await client.checklistTemplate.create({
    data: {
      key: template.key,
      version: template.version,
      name: template.name,
      description: template.description,
      concerns: {
        create: template.concerns.map((concern, position) => ({
          key: concern.key,
          title: concern.title,
          kind: concern.kind,
          description: concern.description,
          position,
        })),
      },
    },
    select: { id: true, concerns: { select: { id: true, key: true } } },
  });
  const concernIds = new Map(created.concerns.map((c) => [c.key, c.id]));
  let position = 0;
  await client.checklistItem.createMany({
    data: template.concerns.flatMap((concern) =>
      concern.items.map((item) => ({
        templateId: created.id,
        concernId: concernIds.get(concern.key) as string,
        key: item.key,
        title: item.title,
        guidance: item.guidance,
        level: item.level,
        isBlocker: item.isBlocker,
        blockerRule: item.blockerRule ?? null,
        tiers: [...item.tiers],
        position: position++,
      })),
    ),
  });
  return { id: created.id, created: true };
}

export function installDefaultTemplate() {
  return db().$transaction((tx) => installTemplate(DEFAULT_TEMPLATE, tx));
}

export type TemplateConcernDto = { id: string; key: string; title: string; kind: ConcernKind; description: string; position: number };
export type TemplateItemDto = ChecklistItemDef & { id: string; guidance: string; blockerRule: string | null; position: number };
export type TemplateDto = {
  id: string;
  key: string;
  version: number;
  name: string;
  concerns: TemplateConcernDto[];
  items: TemplateItemDto[];
};

/** A whole template version in display order; the engine's item definitions come from here. */
export async function getTemplate(templateId: string): Promise<TemplateDto | null> {
  const row = await db().checklistTemplate.findUnique({
    where: { id: templateId },
    select: {
      id: true,
      key: true,
      version: true,
      name: true,
      concerns: {
        orderBy: { position: "asc" },
        select: { id: true, key: true, title: true, kind: true, description: true, position: true },
      },
      items: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          title: true,
          guidance: true,
          level: true,
          isBlocker: true,
          blockerRule: true,
          tiers: true,
          position: true,
          concern: { select: { key: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    concerns: row.concerns,
    items: row.items.map((i) => ({
      id: i.id,
      key: i.key,
      concernKey: i.concern.key,
      title: i.title,
      guidance: i.guidance,
      level: i.level as Level,
      isBlocker: i.isBlocker,
      blockerRule: i.blockerRule,
      tiers: i.tiers as Tier[],
      position: i.position,
    })),
  };
}

/** The newest version of a template key: new reviews start on it and keep it for life. */
export async function getLatestTemplateId(key = "default"): Promise<string | null> {
  const row = await db().checklistTemplate.findFirst({ where: { key }, orderBy: { version: "desc" }, select: { id: true } });
  return row?.id ?? null;
}
