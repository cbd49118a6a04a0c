import type { BadgeTone } from "@/components/ui/badge";
import { ITEM_OUTCOME_WORDS, REVIEW_STATUS_WORDS, WAIVER_STATUS_WORDS } from "@/lib/domain/words";

// How the review feature shows its states as badges: the words come from lib/domain/words.ts, the tones are set here.

type BadgeLook = { label: string; tone: BadgeTone };

function badges<K extends string>(words: Record<K, string>, tones: Record<K, BadgeTone>): Record<K, BadgeLook> {
  const keys = Object.keys(tones) as K[];
  return Object.fromEntries(keys.map((key) => [key, { label: words[key], tone: tones[key] }])) as Record<K, BadgeLook>;
}

export const STATUS_BADGES = badges(REVIEW_STATUS_WORDS, { DRAFT: "neutral", SUBMITTED: "info", DECIDED: "success", CANCELLED: "neutral" });

export const OUTCOME_BADGES = badges(ITEM_OUTCOME_WORDS, {
  MET: "success",
  NA: "neutral",
  WAIVED: "warning",
  PARTIAL: "warning",
  NOT_MET: "danger",
  UNANSWERED: "neutral",
});

export const WAIVER_BADGES = badges(WAIVER_STATUS_WORDS, { PENDING: "info", APPROVED: "success", REJECTED: "danger", REVOKED: "neutral" });
