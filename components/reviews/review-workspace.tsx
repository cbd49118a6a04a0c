"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { AnswerDto } from "@/lib/db/review-dtos";
import type { TemplateItemDto } from "@/lib/db/templates";
import { evaluateStoredReview } from "@/lib/domain/review-input";
import type { TierTargets } from "@/lib/domain/targets";
import type { AnswerStatus, Tier } from "@/lib/domain/types";
import type { ReviewEvaluation } from "@/lib/domain/verdict";
import type { WaiverInput } from "@/lib/domain/waivers";
import type { EditState } from "./answer-saver";

// The concern page's shared state: every answer of the review as last saved (so the progress panel computes level
// and verdict with the server's own engine as saves land), which items hold unsaved or in-flight edits (so leaving
// asks first), and the item cards' keyboard moves.

/** What answering by key did: saved (or on its way), or it needs more from the person first (an N/A reason). */
export type AnswerOutcome = "sent" | "needs-input";

type Answerer = (status: AnswerStatus) => AnswerOutcome;

const REFRESH_AFTER_MS = 1500;

export const LEAVE_QUESTION = "Some answers on this page are not saved yet. Leave anyway?";

type Workspace = {
  reviewId: string;
  evaluation: ReviewEvaluation;
  answers: Readonly<Record<string, AnswerDto>>;
  report: (answer: AnswerDto) => void;
  setEditState: (itemKey: string, state: EditState) => void;
  registerAnswerer: (itemKey: string, answer: Answerer) => () => void;
  answerItem: (itemKey: string, status: AnswerStatus) => AnswerOutcome | null;
  /** Moves focus to the next/previous item card; past the last one, on to the next concern once saves have landed. */
  moveFrom: (itemKey: string, by: 1 | -1) => void;
  /** Client-side navigation that asks first while edits are unsaved. */
  navigate: (href: string) => void;
  /** Saves leave the page alone; the workspace refreshes it once they have settled (the page of every concern). */
  refreshesItself: boolean;
};

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace | null {
  return useContext(WorkspaceContext);
}

export type ReviewWorkspaceProps = {
  reviewId: string;
  items: readonly TemplateItemDto[];
  tier: Tier;
  tierTargets: TierTargets;
  today: string;
  waivers: readonly WaiverInput[];
  answers: Readonly<Record<string, AnswerDto>>;
  /** Where "next item" goes after the concern's last item: the next concern's first item; null on the last concern. */
  nextConcernHref: string | null;
  /** A page too large to re-render on every save: refresh it once saves have been quiet for a moment instead. */
  refreshWhenSettled?: boolean;
  children: ReactNode;
};

/** Newer versions win, so a refresh that raced a save never rolls the panel back. */
function mergeAnswers(local: Readonly<Record<string, AnswerDto>>, server: Readonly<Record<string, AnswerDto>>): Record<string, AnswerDto> {
  const merged: Record<string, AnswerDto> = { ...local };
  for (const [key, answer] of Object.entries(server)) {
    const mine = merged[key];
    if (!mine || answer.version >= mine.version) merged[key] = answer;
  }
  return merged;
}

function itemCards(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("[data-item-card]")];
}

export function focusItemCard(card: HTMLElement): void {
  card.focus({ preventScroll: true });
  card.scrollIntoView({ block: "nearest" });
}

export function ReviewWorkspace(props: ReviewWorkspaceProps) {
  const { reviewId, items, tier, tierTargets, today, waivers, nextConcernHref, refreshWhenSettled = false, children } = props;
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, AnswerDto>>(() => ({ ...props.answers }));
  const [seenServer, setSeenServer] = useState(props.answers);
  if (seenServer !== props.answers) {
    setSeenServer(props.answers);
    setAnswers((local) => mergeAnswers(local, props.answers));
  }

  const edits = useRef(new Map<string, EditState>());
  const settleListeners = useRef(new Set<() => void>());
  const answerers = useRef(new Map<string, Answerer>());

  const isBusy = useCallback(() => [...edits.current.values()].some((state) => state !== "clean"), []);

  const setEditState = useCallback((itemKey: string, state: EditState) => {
    edits.current.set(itemKey, state);
    if (state !== "pending") for (const listener of settleListeners.current) listener();
  }, []);

  /** Resolves once nothing is on its way: true when everything is saved, false when something is stuck. */
  const whenSettled = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        const check = () => {
          const states = [...edits.current.values()];
          if (states.includes("pending")) return false;
          settleListeners.current.delete(check);
          resolve(!states.includes("stuck"));
          return true;
        };
        if (!check()) settleListeners.current.add(check);
      }),
    [],
  );

  const navigate = useCallback(
    (href: string) => {
      if (isBusy() && !window.confirm(LEAVE_QUESTION)) return;
      router.push(href);
    },
    [isBusy, router],
  );

  const moveFrom = useCallback(
    (itemKey: string, by: 1 | -1) => {
      const cards = itemCards();
      const index = cards.findIndex((card) => card.dataset.itemCard === itemKey);
      const target = cards[index + by];
      if (target) {
        focusItemCard(target);
        return;
      }
      if (by === 1 && nextConcernHref) {
        // Saved: on without a question. Something stuck (a failed save, an N/A without its reason): ask first.
        void whenSettled().then((saved) => (saved ? router.push(nextConcernHref) : navigate(nextConcernHref)));
      }
    },
    [navigate, nextConcernHref, router, whenSettled],
  );

  // Leaving asks first while anything is unsaved or still on its way: closing or reloading the tab, and following
  // a link inside the app (Next's client-side navigation never fires beforeunload).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isBusy()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const to = new URL(link.href, window.location.href);
      const here = new URL(window.location.href);
      if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search) return;
      if (isBusy() && !window.confirm(LEAVE_QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [isBusy]);

  // Arriving on a concern at one of its items (the "next item" of the previous concern, or a link to an item)
  // puts focus on that item, so the keys carry on where they left off.
  useEffect(() => {
    const anchor = window.location.hash.slice(1);
    const card = anchor ? document.getElementById(anchor) : null;
    if (card?.hasAttribute("data-item-card")) focusItemCard(card);
  }, []);

  // The page of every concern is not re-rendered by each save: once saves have been quiet for a moment (and nothing
  // is on its way), it is refreshed, so what only the server knows (waivers, carried answers) catches up.
  const answersNow = useRef(answers);
  useEffect(() => {
    answersNow.current = answers;
  }, [answers]);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleRefresh = useCallback(() => {
    if (!refreshWhenSettled) return;
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    const fire = () => {
      refreshTimer.current = isBusy() ? setTimeout(fire, REFRESH_AFTER_MS) : null;
      if (!refreshTimer.current) router.refresh();
    };
    refreshTimer.current = setTimeout(fire, REFRESH_AFTER_MS);
  }, [refreshWhenSettled, isBusy, router]);
  useEffect(
    () => () => {
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    },
    [],
  );

  const evaluation = useMemo(
    () => evaluateStoredReview({ items, tier, tierTargets, today, waivers, answers: Object.values(answers) }),
    [items, tier, tierTargets, today, waivers, answers],
  );

  const value = useMemo<Workspace>(
    () => ({
      reviewId,
      evaluation,
      answers,
      // Same version or older: nothing new, and the same object keeps the engine from running again.
      report: (answer) => {
        if ((answersNow.current[answer.itemKey]?.version ?? -1) < answer.version) scheduleRefresh();
        setAnswers((local) => ((local[answer.itemKey]?.version ?? -1) >= answer.version ? local : { ...local, [answer.itemKey]: answer }));
      },
      setEditState,
      registerAnswerer: (itemKey, answer) => {
        answerers.current.set(itemKey, answer);
        return () => {
          answerers.current.delete(itemKey);
          edits.current.delete(itemKey);
        };
      },
      answerItem: (itemKey, status) => answerers.current.get(itemKey)?.(status) ?? null,
      moveFrom,
      navigate,
      refreshesItself: refreshWhenSettled,
    }),
    [reviewId, evaluation, answers, setEditState, moveFrom, navigate, refreshWhenSettled, scheduleRefresh],
  );

  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}
