import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { ValueOptions } from "@/components/ui/select-options";
import { quarterlyHref } from "@/lib/routes";

export type QuarterPickerProps = {
  current: string;
  /** Newest first. */
  quarters: string[];
};

/**
 * Links for the recent quarters and a plain GET form (works before JavaScript loads); the form posts to
 * /quarterly?quarter=…, which redirects to the meeting's own URL.
 */
export function QuarterPicker({ current, quarters }: QuarterPickerProps) {
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <section aria-labelledby="recent-quarters">
        <h2 id="recent-quarters" className="mb-3 text-base font-semibold text-ink">
          Recent quarters
        </h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {quarters.map((quarter) => (
            <li key={quarter}>
              <Link
                href={quarterlyHref(quarter, "")}
                aria-current={quarter === current ? "date" : undefined}
                className="flex min-h-10 flex-col items-center justify-center rounded-md border border-line-strong bg-surface px-3 text-sm font-medium text-brand-700 hover:bg-brand-50 aria-[current=date]:border-brand-600 aria-[current=date]:bg-brand-50"
              >
                {quarter}
                {quarter === current ? <span className="text-xs font-normal text-ink-muted">current quarter</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="pick-quarter">
        <h2 id="pick-quarter" className="mb-3 text-base font-semibold text-ink">
          Open a meeting
        </h2>
        <form method="get" action="/quarterly" className="flex flex-wrap items-end gap-3">
          <Field label="Quarter" name="quarter" id="quarterly-quarter" className="w-48">
            <Select defaultValue={current}>
              <ValueOptions values={quarters} />
            </Select>
          </Field>
          <Button type="submit">Open meeting</Button>
        </form>
      </section>
    </div>
  );
}
