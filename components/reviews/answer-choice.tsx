"use client";

import { FieldError } from "@/components/ui/field";
import { ANSWER_STATUSES, type AnswerStatus } from "@/lib/domain/types";
import { ANSWER_WORDS } from "@/lib/domain/words";
import { cn } from "@/lib/utils/cn";

export type AnswerChoiceProps = {
  name: string;
  /** Read by screen readers; the card's title says the same to the eye. */
  legend: string;
  value: AnswerStatus | "";
  onChoose: (status: AnswerStatus) => void;
  error?: string[];
};

/** The key that answers each status on a focused card, in the order shown. */
const KEYS: Record<AnswerStatus, string> = { MET: "1", PARTIAL: "2", NOT_MET: "3", NOT_APPLICABLE: "4" };

const SELECTED: Record<AnswerStatus, string> = {
  MET: "peer-checked:bg-go-soft peer-checked:text-go-ink peer-checked:ring-go",
  PARTIAL: "peer-checked:bg-conditional-soft peer-checked:text-conditional-ink peer-checked:ring-conditional",
  NOT_MET: "peer-checked:bg-nogo-soft peer-checked:text-nogo-ink peer-checked:ring-nogo",
  NOT_APPLICABLE: "peer-checked:bg-slate-200 peer-checked:text-ink peer-checked:ring-line-strong",
};

/**
 * Met / partially met / not met / N/A as one segmented radio group: native radios (arrow keys, one tab stop, the
 * group's legend) drawn as buttons. Choosing one is the save; there is no separate button.
 */
export function AnswerChoice({ name, legend, value, onChoose, error }: AnswerChoiceProps) {
  const errorId = error && error.length > 0 ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} className="min-w-0">
      <legend className="sr-only">{legend}</legend>
      <div className="inline-flex flex-wrap rounded-md shadow-sm">
        {ANSWER_STATUSES.map((status, index) => {
          const id = `${name}-${status}`;
          return (
            <div key={status} className="relative">
              <input
                id={id}
                type="radio"
                name={name}
                value={status}
                checked={value === status}
                onChange={() => onChoose(status)}
                aria-keyshortcuts={KEYS[status]}
                className="peer absolute inset-0 size-full cursor-pointer opacity-0"
              />
              <label
                htmlFor={id}
                className={cn(
                  "block min-h-10 cursor-pointer bg-surface px-3 py-2 text-sm font-medium text-ink ring-1 ring-line-strong ring-inset",
                  "peer-checked:font-semibold peer-checked:ring-2 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600",
                  SELECTED[status],
                  index === 0 ? "rounded-l-md" : "-ml-px",
                  index === ANSWER_STATUSES.length - 1 ? "rounded-r-md" : "",
                )}
              >
                {ANSWER_WORDS[status]}
              </label>
            </div>
          );
        })}
      </div>
      <FieldError id={errorId} errors={error ?? []} />
    </fieldset>
  );
}
