"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { FilterActions, TierFilter } from "@/components/ui/filter-controls";
import { verdictLabel } from "@/components/readiness/verdict-badge";
import { LEVEL_NAMES, VERDICTS } from "@/lib/domain/types";
import {
  clearFiltersHref,
  DEFAULT_STATE,
  isFiltered,
  SERVICES_PATH,
  toServicesTableQuery,
  type ServicesTableState,
} from "@/lib/schemas/services-table";
import { InlineIcon } from "@/components/ui/inline-icon";

export type ServicesFiltersProps = {
  teams: { slug: string; name: string }[];
  state: ServicesTableState;
};

const LEVEL_OPTIONS = ([0, 1, 2, 3, 4] as const).map((level) => ({ value: String(level), label: `L${level} ${LEVEL_NAMES[level]}` }));

/**
 * A GET form: it works before JavaScript loads and the filters land in the URL. Once hydrated it drops the
 * empty fields, so a shared link reads ?tier=1&q=pay rather than ?q=pay&tier=1&level=&verdict=…
 * Leaving `page` out sends the person back to page 1; sort and page size are kept.
 */
export function ServicesFilters({ teams, state }: ServicesFiltersProps) {
  const router = useRouter();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = new URLSearchParams();
    new FormData(event.currentTarget).forEach((value, key) => {
      if (typeof value === "string" && value.trim() !== "") query.append(key, value.trim());
    });
    const search = query.toString();
    router.push(search ? `${SERVICES_PATH}?${search}` : SERVICES_PATH);
  }

  const arrangement = toServicesTableQuery({ ...DEFAULT_STATE, sort: state.sort, dir: state.dir, size: state.size });
  const selectedTeams = new Set(state.teams);

  return (
    // Keyed by the view, so the fields show the URL's values again after a link (sort, clear) changes it.
    <form
      key={toServicesTableQuery(state).toString()}
      method="get"
      action={SERVICES_PATH}
      onSubmit={submit}
      role="search"
      aria-label="Filter services"
      className="mb-6 rounded-lg border border-line bg-surface p-4"
    >
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Search" name="q" id="filter-q" className="min-w-56 flex-1">
          <Input type="search" defaultValue={state.q} placeholder="Name or slug" maxLength={100} />
        </Field>
        <TeamPicker teams={teams} selected={selectedTeams} />
        <TierFilter id="filter-tier" value={state.tier} />
        <Field label="Level" name="level" id="filter-level" className="w-44">
          <Select defaultValue={state.level === null ? "" : String(state.level)}>
            <option value="">All levels</option>
            {LEVEL_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            <option value="none">No level yet</option>
          </Select>
        </Field>
        <Field label="Last verdict" name="verdict" id="filter-verdict" className="w-44">
          <Select defaultValue={state.verdict ?? ""}>
            <option value="">All verdicts</option>
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {verdictLabel(verdict)}
              </option>
            ))}
            <option value="none">Not decided</option>
          </Select>
        </Field>
        <Field label="Level vs target" name="target" id="filter-target" className="w-48">
          <Select defaultValue={state.target ?? ""}>
            <option value="">Any</option>
            <option value="below">Below target</option>
            <option value="met">Target met</option>
          </Select>
        </Field>
        <div className="flex min-h-10 items-center gap-2">
          <input
            type="checkbox"
            id="filter-overdue"
            name="overdue"
            value="1"
            defaultChecked={state.overdue}
            className="size-4 rounded border-line-strong accent-brand-600"
          />
          <label htmlFor="filter-overdue" className="text-sm font-medium text-ink">
            Review overdue
          </label>
        </div>
        {[...arrangement].map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <FilterActions isFiltered={isFiltered(state)} clearHref={clearFiltersHref(state)} />
      </div>
    </form>
  );
}

/** Several teams at once: checkboxes send ?team=a&team=b, which the URL schema reads as a list. */
function TeamPicker({ teams, selected }: { teams: ServicesFiltersProps["teams"]; selected: Set<string> }) {
  const summary = selected.size === 0 ? "All teams" : selected.size === 1 ? "1 team" : `${selected.size} teams`;
  return (
    <div className="w-56 space-y-1.5">
      <span id="filter-teams-label" className="block text-sm font-medium text-ink">
        Teams
      </span>
      <details className="group relative">
        <summary
          aria-labelledby="filter-teams-label filter-teams-summary"
          className="flex min-h-10 cursor-pointer list-none items-center justify-between rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm"
        >
          <span id="filter-teams-summary">{summary}</span>
          <InlineIcon className="size-4 group-open:rotate-180">
            <path d="M4 6l4 4 4-4" />
          </InlineIcon>
        </summary>
        <fieldset className="absolute z-10 mt-1 max-h-64 w-72 overflow-auto rounded-md border border-line bg-surface p-2 shadow-lg">
          <legend className="sr-only">Teams</legend>
          {teams.length === 0 ? <p className="p-1 text-sm text-ink-muted">No teams yet</p> : null}
          {teams.map((team) => (
            <label key={team.slug} className="flex items-center gap-2 rounded px-1 py-1.5 text-sm text-ink hover:bg-slate-50">
              <input
                type="checkbox"
                name="team"
                value={team.slug}
                defaultChecked={selected.has(team.slug)}
                className="size-4 accent-brand-600"
              />
              {team.name}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
