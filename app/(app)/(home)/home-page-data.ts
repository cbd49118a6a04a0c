import "server-only";
import { cache } from "react";
import type { NavBadge } from "@/components/shell/nav-link";
import { can } from "@/lib/auth/permissions";
import { getDecisionQueue, getTeamWork, type DecisionQueue, type TeamWork } from "@/lib/db/home";
import { awaitingDecisionWords } from "@/lib/domain/words";
import { HOME_PATH } from "@/lib/routes";
import { getViewer, requireViewer } from "@/lib/session/viewer";

// The home and the navigation's count ask for the same queue; cache() makes that one read per request.

const EMPTY_QUEUE: DecisionQueue = { reviews: [], waivers: [], isTruncated: false };

const loadDecisionQueue = cache(async (): Promise<DecisionQueue> => {
  const viewer = await getViewer();
  return viewer ? getDecisionQueue(viewer) : EMPTY_QUEUE;
});

/** The count beside Home: reviews and waivers waiting for this person's decision; null when none do. */
export async function loadHomeBadge(): Promise<NavBadge | null> {
  const viewer = await getViewer();
  if (!viewer || !can(viewer, { type: "decisions:list" })) return null;
  const queue = await loadDecisionQueue();
  const total = queue.reviews.length + queue.waivers.length;
  if (total === 0) return null;
  const count = queue.isTruncated ? `${total}+` : String(total);
  return { count, label: awaitingDecisionWords(count) };
}

export type HomeData = {
  name: string;
  /** Whether the viewer decides other teams' reviews, so the decision sections show even when empty. */
  decides: boolean;
  work: TeamWork;
  queue: DecisionQueue;
};

/** What the home shows this viewer; null when nothing on it applies (a viewer's home is the portfolio). */
export async function loadHome(now: Date = new Date()): Promise<HomeData | null> {
  const viewer = await requireViewer(HOME_PATH);
  const decides = can(viewer, { type: "decisions:list" });
  const [work, queue] = await Promise.all([getTeamWork(viewer, now), loadDecisionQueue()]);
  if (!decides && work.teams.length === 0) return null;
  return { name: viewer.name, decides, work, queue };
}
