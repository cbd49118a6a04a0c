import { STATUS_BADGES } from "@/components/reviews/labels";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { verdictLabel } from "@/components/readiness/verdict-badge";
import type { ServiceHistory } from "@/lib/db/service-history";
import { TRIGGER_WORDS } from "@/lib/domain/words";
import { formatDate } from "@/lib/format/dates";

export type ReviewOption = { id: string; label: string };

/** The service's open review (compared live) and its decided reviews, newest first, each named by what tells them apart. */
export function reviewOptions(history: ServiceHistory): ReviewOption[] {
  const open = history.openReview;
  const decided = [...history.reviews].reverse().map((r) => ({
    id: r.id,
    label: [
      formatDate(r.decidedAt),
      r.level === null ? "no level" : `L${r.level}`,
      verdictLabel(r.decision ?? r.computedVerdict),
      TRIGGER_WORDS[r.trigger],
    ].join(" · "),
  }));
  if (!open) return decided;
  const openLabel = `Open review (${STATUS_BADGES[open.status].label.toLowerCase()}), started ${formatDate(open.createdAt)}`;
  return [{ id: open.id, label: openLabel }, ...decided];
}

export type ReviewDiffFormProps = {
  /** The service page the form submits to. */
  action: string;
  /** Newest first, as people scan for "the latest". */
  options: readonly ReviewOption[];
  from: string | undefined;
  to: string | undefined;
};

/**
 * Picks two reviews to compare. A plain GET form: the choice lives in the URL (?from=&to=), so a comparison
 * can be shared or bookmarked, and it works with the keyboard and without JavaScript.
 */
export function ReviewDiffForm({ action, options, from, to }: ReviewDiffFormProps) {
  return (
    // The key resets the selects when the URL changes, since they are uncontrolled.
    <form
      key={`${from}:${to}`}
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-3"
      aria-label="Choose reviews to compare"
    >
      <Field label="Compare" name="from" className="min-w-56 flex-1">
        <Select defaultValue={from}>
          <ReviewChoices options={options} />
        </Select>
      </Field>
      <Field label="with" name="to" className="min-w-56 flex-1">
        <Select defaultValue={to}>
          <ReviewChoices options={options} />
        </Select>
      </Field>
      <Button type="submit" variant="secondary">
        Show changes
      </Button>
    </form>
  );
}

function ReviewChoices({ options }: { options: readonly ReviewOption[] }) {
  return options.map((option) => (
    <option key={option.id} value={option.id}>
      {option.label}
    </option>
  ));
}
