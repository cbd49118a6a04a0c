import { z } from "zod";
import { LIFECYCLE_STAGES, TIERS } from "@/lib/domain/types";
import { blankToUndefined, firstValue, httpLink, STALE_FORM_MESSAGE, teamSlugParam, tierParam } from "@/lib/schemas/preprocess";

// Shared by the service form, its server actions and the services list URL.
// Form posts send every field as a string (empty when left blank), so blanks become "not given" here.

/** Words that would collide with routes under /services/<slug>. */
export const RESERVED_SLUGS = ["new", "edit"] as const;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Payments API (EU)" → "payments-api-eu"; may return "" when nothing usable is left. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

function slugProblem(slug: string): string | undefined {
  if (slug.length < 2 || slug.length > 60) return "Use 2 to 60 characters";
  if (!SLUG_PATTERN.test(slug)) return "Use lowercase letters, numbers and single hyphens, like payments-api";
  if ((RESERVED_SLUGS as readonly string[]).includes(slug)) return `"${slug}" is reserved; choose another slug`;
  return undefined;
}

const optionalLink = z.preprocess(blankToUndefined, httpLink("Use an http:// or https:// link").optional());

const tier = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
  z.literal(TIERS, { error: "Choose tier 1, 2 or 3" }),
);

const serviceFields = z.object({
  name: z.string({ error: "Enter a name" }).trim().min(2, "Use at least 2 characters").max(80, "Keep the name under 80 characters"),
  slug: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .superRefine((slug, ctx) => {
        const problem = slugProblem(slug);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional(),
  ),
  description: z.preprocess((value) => value ?? "", z.string().trim().max(2000, "Keep the description under 2000 characters")),
  teamId: z.guid({ error: "Choose a team" }),
  tier,
  lifecycle: z.enum(LIFECYCLE_STAGES, { error: "Choose a lifecycle stage" }),
  repositoryUrl: optionalLink,
  runbookUrl: optionalLink,
  dashboardUrl: optionalLink,
  healthUrl: optionalLink,
  onCall: z.preprocess(blankToUndefined, z.string().trim().max(200, "Keep the on-call contact under 200 characters").optional()),
});

type ServiceFields = z.output<typeof serviceFields>;

/** What lib/db stores: the slug is always present, and a blank optional field is stored as null. */
export type ServiceInput = Omit<ServiceFields, "slug" | "repositoryUrl" | "runbookUrl" | "dashboardUrl" | "healthUrl" | "onCall"> & {
  slug: string;
  repositoryUrl: string | null;
  runbookUrl: string | null;
  dashboardUrl: string | null;
  healthUrl: string | null;
  onCall: string | null;
};

// A given slug was already checked on its own field; only a missing or derived one is checked here.
function finish(fields: ServiceFields, ctx: z.RefinementCtx, deriveSlug: boolean): ServiceInput {
  const slug = fields.slug ?? (deriveSlug ? slugify(fields.name) : "");
  if (fields.slug === undefined) {
    const isReserved = (RESERVED_SLUGS as readonly string[]).includes(slug);
    // Explain the derived slug's problem, since the person never typed it.
    const message = !deriveSlug
      ? "Enter a slug"
      : isReserved
        ? `Enter a slug: "${slug}", made from the name, is reserved`
        : slugProblem(slug) && "Enter a slug: one could not be made from this name";
    if (message) ctx.addIssue({ code: "custom", path: ["slug"], message });
  }
  return {
    ...fields,
    slug,
    repositoryUrl: fields.repositoryUrl ?? null,
    runbookUrl: fields.runbookUrl ?? null,
    dashboardUrl: fields.dashboardUrl ?? null,
    healthUrl: fields.healthUrl ?? null,
    onCall: fields.onCall ?? null,
  };
}

/** Creating a service: the slug may be left blank and is then derived from the name. */
export const serviceInput = serviceFields.transform((fields, ctx) => finish(fields, ctx, true));

/**
 * Editing a service: the slug is required (silently re-deriving it would break links), and `version`
 * is the one the form was loaded with, so a concurrent change is detected instead of overwritten.
 */
export const serviceUpdateInput = serviceFields
  .extend({
    id: z.guid({ error: STALE_FORM_MESSAGE }),
    version: z.coerce.number<unknown>().int().min(1, STALE_FORM_MESSAGE),
  })
  .transform((fields, ctx) => ({ ...finish(fields, ctx, false), id: fields.id, version: fields.version }));

export type ServiceUpdateInput = z.output<typeof serviceUpdateInput>;

export const SERVICES_PAGE_SIZE = 20;

/** The services list URL (?q=&team=&tier=&page=). Bad values fall back to defaults instead of failing the page. */
export const servicesSearchParams = z.object({
  q: z.preprocess(firstValue, z.string().trim().max(100).catch("").default("")),
  /** A team slug: readable in a shared link. */
  team: teamSlugParam,
  tier: tierParam,
  page: z.preprocess(firstValue, z.coerce.number<unknown>().int().min(1).max(10_000).catch(1).default(1)),
});

export type ServicesSearchParams = z.output<typeof servicesSearchParams>;
