import { Fragment } from "react";

const KEYS: readonly [string, string][] = [
  ["1", "met"],
  ["2", "partially met"],
  ["3", "not met"],
  ["4", "not applicable"],
  ["j / k", "next / previous item"],
  ["e", "add evidence"],
];

const kbd = "rounded border border-line-strong bg-surface px-1.5 py-0.5 font-mono text-xs text-ink";

/** The keys of a focused item card, in one line. */
export function KeyLegend() {
  return (
    <p className="text-sm text-ink-muted" id="item-keys">
      <span className="font-medium text-ink">Keys on a focused item:</span>{" "}
      {KEYS.map(([key, meaning], index) => (
        <Fragment key={key}>
          <span className="whitespace-nowrap">
            <kbd className={kbd}>{key}</kbd> {meaning}
          </span>
          {index < KEYS.length - 1 ? " · " : ""}
        </Fragment>
      ))}
      . Answering by key moves on to the next item. Choosing an answer saves it; notes save as you type.
    </p>
  );
}
