// Starting a review from the previous one: which answers of the service's last decided review travel into the
// new review, and how a concern's carried answers are named in a precondition. Pure: callers pass the rows.

/** An answer of the decided review, as far as carrying it forward is concerned. */
export type CarrySource<A> = A & {
  itemKey: string;
  /** It was itself carried and never confirmed there, so it never counted: nothing to carry. */
  awaitsConfirmation: boolean;
};

export type CarryPlan<A> = {
  /** Answers to copy, in the order given: their item exists (by key) in the new review's template. */
  carried: CarrySource<A>[];
  /** Keys answered in the decided review whose item the new template no longer has (their evidence stays behind too). */
  leftBehind: string[];
  /** Keys whose answer was still waiting for confirmation in the decided review. */
  unconfirmed: string[];
};

/**
 * Items are matched by key, which is stable across template versions. Waivers are never carried: each review asks
 * for its own, approved by someone who looks at it now.
 */
export function planCarryForward<A>(previous: readonly CarrySource<A>[], newItemKeys: Iterable<string>): CarryPlan<A> {
  const keys = new Set(newItemKeys);
  const plan: CarryPlan<A> = { carried: [], leftBehind: [], unconfirmed: [] };
  for (const answer of previous) {
    if (!keys.has(answer.itemKey)) plan.leftBehind.push(answer.itemKey);
    else if (answer.awaitsConfirmation) plan.unconfirmed.push(answer.itemKey);
    else plan.carried.push(answer);
  }
  return plan;
}

/** Where an answer came from, as stored: carried forward from a review, or answered in this one. */
export type AnswerOrigin = { carriedFromReviewId: string | null; confirmedAt: Date | string | null };

export function isCarried(origin: AnswerOrigin): boolean {
  return origin.carriedFromReviewId !== null;
}

/** Carried and nobody has confirmed it (or changed its status) yet. */
export function awaitsConfirmation(origin: AnswerOrigin): boolean {
  return origin.carriedFromReviewId !== null && origin.confirmedAt === null;
}

/**
 * The precondition for confirming a whole concern: the versions of its carried answers in template order, e.g.
 * "v1.1.3". Every edit or confirmation of one of them raises its version, so a tag that still matches means the
 * person saw exactly what is about to be confirmed.
 */
export function concernConfirmationTag(carriedVersionsInTemplateOrder: readonly number[]): string {
  return `v${carriedVersionsInTemplateOrder.join(".")}`;
}

type CarriedAnswerState = { version: number; carriedFromReviewId: string | null; awaitsConfirmation: boolean };

/** What "confirm the whole concern" acts on: its applicable items' carried answers that still wait, and their tag. */
export type ConcernConfirmation<K extends string | null = string> = {
  /** null: the whole review, every concern at once. */
  concernKey: K;
  /** How many applicable items of the concern hold a carried answer, confirmed or not. */
  carried: number;
  awaiting: string[];
  tag: string;
};

/**
 * The concern's applicable items (template order) whose answer waits for confirmation, and the tag over all of its
 * carried answers, confirmed or not, so confirming one of them on its own also moves the tag on.
 */
export function concernConfirmation<K extends string | null>(
  items: readonly { key: string; concernKey: string; tiers: readonly number[] }[],
  answers: Readonly<Record<string, CarriedAnswerState | undefined>>,
  concernKey: K,
  tier: number,
): ConcernConfirmation<K> {
  const carried = items
    .filter((item) => (concernKey === null || item.concernKey === concernKey) && item.tiers.includes(tier))
    .flatMap((item) => {
      const answer = answers[item.key];
      return answer && answer.carriedFromReviewId !== null ? [{ key: item.key, answer }] : [];
    });
  return {
    concernKey,
    carried: carried.length,
    awaiting: carried.filter((c) => c.answer.awaitsConfirmation).map((c) => c.key),
    tag: concernConfirmationTag(carried.map((c) => c.answer.version)),
  };
}
