"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

export type PresenterKeysProps = {
  previousHref: string | null;
  nextHref: string | null;
  agendaHref: string;
};

const NEXT_KEYS = new Set(["ArrowRight", "j", "n"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "k", "p"]);

/** Keys typed into the outcome form belong to the form: arrows move the caret or the radio, letters are text. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Presenter mode's keyboard: → / j / n next, ← / k / p previous, Escape back to the agenda. The position lives in
 * the URL (?i=), so every step is a navigation: shareable, reload-safe, and the visible links do the same.
 */
export function PresenterKeys({ previousHref, nextHref, agendaHref }: PresenterKeysProps) {
  const router = useRouter();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const href = NEXT_KEYS.has(event.key)
        ? nextHref
        : PREVIOUS_KEYS.has(event.key)
          ? previousHref
          : event.key === "Escape"
            ? agendaHref
            : null;
      if (href === null) return;
      event.preventDefault();
      router.push(href);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router, previousHref, nextHref, agendaHref]);
  return null;
}
