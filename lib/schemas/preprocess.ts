import { z } from "zod";
import { normalizeHttpUrl } from "@/lib/domain/links";
import { TIERS } from "@/lib/domain/types";

// No compiled parsers: zod probes for `new Function` when it builds an object schema, and under the pages'
// Content-Security-Policy (no 'unsafe-eval') that probe is reported as a violation in every browser that loads a
// form. The schema modules pages ship to the browser import this one first, so it is set before they build any.
z.config({ jitless: true });

// Pieces shared by the schemas. Form posts send every field as a string (empty when left blank), and a URL may
// repeat a parameter (?tier=1&tier=2), so values are normalised before they are validated.

/** What a form hears when a hidden field (an id, a version) is missing or malformed: it was loaded long ago. */
export const STALE_FORM_MESSAGE = "This form is out of date; reload the page";

/** The first of a repeated query parameter; any other value as it is. */
export const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A blank form field means "not given", so optional fields and defaults apply. */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * A link as it is stored: the normalised http(s) URL. Links are rendered as <a href>, so anything but http(s)
 * (javascript:, data:, file:, …) is refused at the door, and so is text only a lenient parser reads as a URL.
 */
export const httpLink = (message: string) =>
  z
    .string()
    .trim()
    .max(2000, "Keep links under 2000 characters")
    .transform((value, ctx) => {
      const href = normalizeHttpUrl(value);
      if (href === null) ctx.addIssue({ code: "custom", message });
      return href ?? z.NEVER;
    });

/** ?team=: a team slug, readable in a shared link; "" (every team) when absent or malformed. */
export const teamSlugParam = z.preprocess(firstValue, z.string().trim().max(100).catch("").default(""));

/** ?tier=: 1, 2 or 3; undefined (every tier) when absent or malformed. */
export const tierParam = z.preprocess((value) => {
  const v = firstValue(value);
  return typeof v === "string" && v !== "" ? Number(v) : undefined;
}, z.literal(TIERS).optional().catch(undefined));
