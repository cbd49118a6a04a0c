import { z } from "zod";
import { JOB_RUN_STATES } from "@/lib/domain/job-runs";
import { parseTierTargets } from "@/lib/domain/targets";
import { LEVELS, ROLES, TIERS, type Tier } from "@/lib/domain/types";
import { blankToUndefined, firstValue, STALE_FORM_MESSAGE } from "@/lib/schemas/preprocess";
import { slugify } from "@/lib/schemas/service";

// Shared by the admin forms, their server actions and the admin list URLs. Form posts send strings
// (checkbox groups send one entry per ticked box, or none), so the shapes are coerced here.

export const ADMIN_PAGE_SIZE = 25;
const MAX_PAGE = 100_000;

/** ?q=&page= for the teams list; bad values fall back to defaults instead of failing the page. */
export const adminListSearchParams = z.object({
  q: z.preprocess(firstValue, z.string().trim().max(100).catch("").default("")),
  page: z.preprocess(firstValue, z.coerce.number<unknown>().int().min(1).max(MAX_PAGE).catch(1).default(1)),
});

/** The users list adds a role filter (?role=ADMIN). */
export const adminUsersSearchParams = adminListSearchParams.extend({
  role: z.preprocess(firstValue, z.enum(ROLES).optional()).catch(undefined),
});

/** ?state=&page= for the job runs list; an unknown state shows every run. */
export const adminJobRunsSearchParams = z.object({
  state: z.preprocess(firstValue, z.enum(JOB_RUN_STATES).optional()).catch(undefined),
  page: adminListSearchParams.shape.page,
});

export type AdminJobRunsSearch = z.output<typeof adminJobRunsSearchParams>;
export type AdminListSearch = z.output<typeof adminListSearchParams>;
export type AdminUsersSearch = z.output<typeof adminUsersSearchParams>;

const name = z.string({ error: "Enter a name" }).trim().min(2, "Use at least 2 characters").max(80, "Keep the name under 80 characters");

const role = z.enum(ROLES, { error: "Choose a role" });

/** A checkbox group: absent when nothing is ticked, a string for one box, an array for several. */
const teamIds = z
  .preprocess(
    (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.guid({ error: "Choose teams from the list" })).max(500, "Choose at most 500 teams"),
  )
  .transform((ids) => [...new Set(ids)]);

const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const email = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z.email({ error: "Enter an email address like name@example.com" }).max(254, "Keep the email under 254 characters"),
);

/** Inviting someone: OIDC matches them by this email on their first sign-in. */
export const userCreateInput = z.object({ email, name, role, teamIds });
export type UserCreateInput = z.output<typeof userCreateInput>;

/**
 * Editing someone: `expectedUpdatedAt` is the user's updatedAt when the form was loaded, so a save on top of
 * someone else's change is refused instead of silently undoing it.
 */
export const userUpdateInput = z.object({
  id: z.guid({ error: STALE_FORM_MESSAGE }),
  expectedUpdatedAt: z.iso.datetime({ error: STALE_FORM_MESSAGE }).transform((value) => new Date(value)),
  role,
  teamIds,
  disabled: checkbox,
});
export type UserUpdateInput = z.output<typeof userUpdateInput>;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Creating a team: a blank slug is made from the name, like services do. */
export const teamCreateInput = z
  .object({
    name,
    slug: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toLowerCase()
        .min(2, "Use 2 to 60 characters")
        .max(60, "Use 2 to 60 characters")
        .regex(SLUG_PATTERN, "Use lowercase letters, numbers and single hyphens, like payments-platform")
        .optional(),
    ),
  })
  .transform((fields, ctx) => {
    const slug = fields.slug ?? slugify(fields.name);
    if (fields.slug === undefined && !(slug.length >= 2 && SLUG_PATTERN.test(slug))) {
      ctx.addIssue({ code: "custom", path: ["slug"], message: "Enter a slug: one could not be made from this name" });
    }
    return { name: fields.name, slug };
  });
export type TeamCreateInput = z.output<typeof teamCreateInput>;

/** Only the name changes: the slug is in links people have saved (?team=payments), so it stays. */
export const teamRenameInput = z.object({ id: z.guid({ error: STALE_FORM_MESSAGE }), name });
export type TeamRenameInput = z.output<typeof teamRenameInput>;

const level = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
  z.literal(LEVELS, { error: "Choose a level from L1 to L4" }),
);

export const TIER_TARGET_FIELDS = { 1: "tier1", 2: "tier2", 3: "tier3" } as const satisfies Record<Tier, string>;

/** One select per tier; the result is the stored shape ({"1":3,"2":2,"3":1}), checked by the domain's own parser. */
export const tierTargetsInput = z.object({ tier1: level, tier2: level, tier3: level }).transform((fields, ctx) => {
  const parsed = parseTierTargets(Object.fromEntries(TIERS.map((tier) => [String(tier), fields[TIER_TARGET_FIELDS[tier]]])));
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});
