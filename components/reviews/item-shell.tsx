"use client";

import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { ItemOutcome } from "@/lib/domain/maturity";
import { itemKeyAction } from "./item-keys";
import { OUTCOME_BADGES } from "./labels";
import { useWorkspace } from "./review-workspace";

export type ItemShellProps = {
  itemKey: string;
  anchor: string;
  titleId: string;
  children: ReactNode;
};

/** Opens the card's evidence disclosure and puts focus on its first field (or on the disclosure when there is none). */
function openEvidence(card: HTMLElement): void {
  const disclosure = card.querySelector<HTMLDetailsElement>("details[data-evidence]");
  if (!disclosure) return;
  disclosure.open = true;
  const add = disclosure.querySelector<HTMLDetailsElement>("details[data-add-evidence]");
  if (add) add.open = true;
  const field = disclosure.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea");
  (field ?? disclosure.querySelector<HTMLElement>("summary"))?.focus();
}

/**
 * An item card that takes keys while it (or anything in it) has focus: 1–4 answer, j/k move between items, e opens
 * "add evidence". Keys typed into a text field stay text.
 */
export function ItemShell({ itemKey, anchor, titleId, children }: ItemShellProps) {
  const workspace = useWorkspace();
  const ref = useRef<HTMLElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (!workspace || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    const action = itemKeyAction({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      target: { tagName: target.tagName, type: (target as HTMLInputElement).type, isContentEditable: target.isContentEditable },
    });
    if (!action) return;
    event.preventDefault();
    if (action.kind === "move") {
      workspace.moveFrom(itemKey, action.by);
    } else if (action.kind === "evidence") {
      if (ref.current) openEvidence(ref.current);
    } else if (workspace.answerItem(itemKey, action.status) === "sent") {
      workspace.moveFrom(itemKey, 1);
    }
  }

  return (
    // The card is a focus target for j/k; its keys act on the item whichever of its controls has focus.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <article
      ref={ref}
      id={anchor}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-item-card={itemKey}
      onKeyDown={onKeyDown}
      className="scroll-mt-24 rounded-lg border border-line bg-surface shadow-sm outline-none focus:ring-2 focus:ring-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      {children}
    </article>
  );
}

/** The item's outcome as the live engine counts it now (the server's on first paint). */
export function LiveOutcomeBadge({ itemKey, initial }: { itemKey: string; initial: ItemOutcome }) {
  const workspace = useWorkspace();
  const outcome = workspace?.evaluation.outcomes[itemKey] ?? initial;
  const badge = OUTCOME_BADGES[outcome];
  return <Badge tone={badge.tone}>{badge.label}</Badge>;
}
