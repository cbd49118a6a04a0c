import "server-only";
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { listDueServices, type DueServicesPage } from "@/lib/db/quarterly-agenda";
import { listTeams, type TeamDto } from "@/lib/db/teams";
import { parseQuarterParam, quarterlySearchParams, type QuarterlySearchParams } from "@/lib/schemas/quarterly";
import { quarterlyHref } from "@/lib/routes";

// What every page of one quarter's meeting starts from: a real quarter (anything else is a 404), the viewer, and
// the team filter resolved against the teams that exist (an unknown slug from an old link means every team).

export type MeetingPageProps = {
  params: Promise<{ quarter: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export type MeetingContext = {
  viewer: Viewer;
  quarter: string;
  search: QuarterlySearchParams;
  teams: TeamDto[];
  /** A known team slug, or "" for every team. */
  team: string;
};

export async function loadMeetingContext(props: MeetingPageProps, view: "" | "present" | "agenda" | "minutes"): Promise<MeetingContext> {
  const quarter = parseQuarterParam((await props.params).quarter);
  if (!quarter) notFound();
  const search = quarterlySearchParams.parse(await props.searchParams);
  const viewer = await requireViewer(quarterlyHref(quarter, view, { team: search.team, page: search.page }));
  const teams = await listTeams();
  const team = teams.some((t) => t.slug === search.team) ? search.team : "";
  return { viewer, quarter, search, teams, team };
}

export type MeetingAgendaContext = MeetingContext & { agenda: DueServicesPage };

/** The context plus the page of the agenda the URL asks for, filtered to its team. */
export async function loadMeetingAgenda(props: MeetingPageProps, view: "" | "agenda" | "minutes"): Promise<MeetingAgendaContext> {
  const context = await loadMeetingContext(props, view);
  const agenda = await listDueServices(context.quarter, { page: context.search.page, team: context.team || undefined });
  return { ...context, agenda };
}

export async function quarterTitle(props: Pick<MeetingPageProps, "params">, suffix: string): Promise<string> {
  const quarter = parseQuarterParam((await props.params).quarter);
  return quarter ? `${suffix} · ${quarter}` : suffix;
}
