import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export type HomeSectionProps = {
  id: string;
  title: string;
  /** A count beside the title, e.g. how many wait. */
  count?: number;
  description?: string;
  children: ReactNode;
};

/** One part of the home: a titled region, so each is a landmark a screen reader can jump to. */
export function HomeSection({ id, title, count, description, children }: HomeSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="scroll-mt-6 space-y-3">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-ink">
          {title}
          {count !== undefined ? <span className="ml-2 text-base font-normal text-ink-muted">({count})</span> : null}
        </h2>
        {description ? <p className="mt-1 max-w-prose text-sm text-ink-muted">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

export type HomeListProps<T> = {
  items: readonly T[];
  /** How many rows show; the rest are counted in `more`. */
  shown: number;
  /** What to do when there is nothing: said in the empty state. */
  empty: { title: string; description: string };
  /** One row, an <li> with its key. */
  row: (item: T) => ReactNode;
  /** Said under the rows when some are left out. */
  more: (hidden: number) => ReactNode;
};

/** A short list of rows in a card, with an empty state that says what to do and a line for what is left out. */
export function HomeList<T>({ items, shown, empty, row, more }: HomeListProps<T>) {
  if (items.length === 0) return <EmptyState as="h3" title={empty.title} description={empty.description} />;
  const visible = items.slice(0, shown);
  return (
    <Card>
      <ul className="divide-y divide-line">{visible.map(row)}</ul>
      {items.length > visible.length ? (
        <p className="border-t border-line px-4 py-3 text-sm">{more(items.length - visible.length)}</p>
      ) : null}
    </Card>
  );
}

/** One row of a HomeList: what it is on the left, the one thing to do on the right (below it on a phone). */
export function HomeRow({ action, children }: { action: ReactNode; children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div className="min-w-0 space-y-0.5">{children}</div>
      {action}
    </li>
  );
}
