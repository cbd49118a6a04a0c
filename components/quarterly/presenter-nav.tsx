import { ButtonLink } from "@/components/ui/button";

export type PresenterNavProps = {
  previousHref: string | null;
  nextHref: string | null;
  /** One-based, for "3 of 17". */
  position: number;
  total: number;
};

/** The visible twin of the keyboard: the same URLs, so a click, a key and a reload all land in the same place. */
export function PresenterNav({ previousHref, nextHref, position, total }: PresenterNavProps) {
  // Plain text at the ends, not a dimmed button: dimming would fail contrast for something that is not a control.
  const end = "inline-flex min-h-12 items-center px-5 text-base text-ink-muted";
  return (
    <nav aria-label="Step through the agenda" className="space-y-3 border-t border-line pt-6">
      <div className="flex items-center justify-between gap-4">
        {previousHref ? (
          <ButtonLink href={previousHref} aria-keyshortcuts="ArrowLeft k p" variant="secondary" size="lg">
            <span aria-hidden="true">←</span> Previous
          </ButtonLink>
        ) : (
          <span className={end}>Start of the agenda</span>
        )}
        <p className="text-lg font-semibold text-ink">
          {position} of {total}
        </p>
        {nextHref ? (
          <ButtonLink href={nextHref} aria-keyshortcuts="ArrowRight j n" size="lg">
            Next <span aria-hidden="true">→</span>
          </ButtonLink>
        ) : (
          <span className={end}>End of the agenda</span>
        )}
      </div>
      <p className="text-center text-sm text-ink-muted">
        Keys: <kbd>→</kbd>, <kbd>j</kbd> or <kbd>n</kbd> next · <kbd>←</kbd>, <kbd>k</kbd> or <kbd>p</kbd> previous · <kbd>Esc</kbd> back to
        the agenda (not while typing in the form)
      </p>
    </nav>
  );
}
