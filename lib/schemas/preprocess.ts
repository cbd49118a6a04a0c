import { z } from "zod";
import { TIERS } from "@/lib/domain/types";

// Pieces shared by the schemas. Form posts send every field as a string (empty when left blank), and a URL may
// repeat a parameter (?tier=1&tier=2), so values are normalised before they are validated.

/** What a form hears when a hidden field (an id, a version) is missing or malformed: it was loaded long ago. */
export const STALE_FORM_MESSAGE = "This form is out of date; reload the page";

/** The first of a repeated query parameter; any other value as it is. */
export const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A blank form field means "not given", so optional fields and defaults apply. */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Links are rendered as <a href>, so anything but http(s) (javascript:, data:, file:, …) is refused at the door. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** ?team=: a team slug, readable in a shared link; "" (every team) when absent or malformed. */
export const teamSlugParam = z.preprocess(firstValue, z.string().trim().max(100).catch("").default(""));

/** ?tier=: 1, 2 or 3; undefined (every tier) when absent or malformed. */
export const tierParam = z.preprocess((value) => {
  const v = firstValue(value);
  return typeof v === "string" && v !== "" ? Number(v) : undefined;
}, z.literal(TIERS).optional().catch(undefined));
