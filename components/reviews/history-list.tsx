import type { AuditEventDto } from "@/lib/db/audit";
import { changesOf, groupByDay, historySentence } from "@/lib/domain/history";
import { personText } from "@/lib/domain/people";
import { formatDateTime, formatRelativeDay, formatTime } from "@/lib/format/dates";

export type HistoryListProps = {
  events: readonly AuditEventDto[];
  /** Item key → title, so sentences name the item rather than its key. */
  itemTitles: ReadonlyMap<string, string>;
  /** The moment the page is rendered for: "Today" and "Yesterday" are relative to it. */
  now: Date;
};

function Details({ event }: { event: AuditEventDto }) {
  const changes = changesOf(event.before, event.after);
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-ink-muted hover:text-ink">Show details</summary>
      <div className="mt-2 space-y-2 rounded-md border border-line bg-canvas p-3">
        <p className="text-ink-muted">
          {/* The person as the viewer may see them: admins get the address, everyone else the name only. */}
          {formatDateTime(event.at)} · {event.actor ? personText(event.actor) : "Shipshape"} · <code>{event.action}</code>
        </p>
        {changes.length === 0 ? (
          <p className="text-ink-muted">No field changes</p>
        ) : (
          <dl className="space-y-1">
            {changes.map((change) => (
              <div key={change.field} className="flex flex-wrap gap-x-2">
                <dt className="font-medium">{change.field}:</dt>
                <dd className="break-all whitespace-pre-wrap">
                  <del className="text-ink-muted">{change.before}</del>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only"> changed to </span>
                  <ins className="no-underline">{change.after}</ins>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </details>
  );
}

/** The audit trail as sentences grouped by day, newest first; each keeps its exact before → after behind "Show details". */
export function HistoryList({ events, itemTitles, now }: HistoryListProps) {
  return (
    <div className="space-y-6">
      {groupByDay(events).map((group) => (
        <section key={group.day} aria-labelledby={`history-${group.day}`} className="space-y-2">
          <h2 id={`history-${group.day}`} className="text-base font-semibold text-ink">
            <time dateTime={group.day}>{formatRelativeDay(group.day, now)}</time>
          </h2>
          <ol className="divide-y divide-line rounded-lg border border-line bg-surface">
            {group.events.map((event) => (
              <li key={event.id} className="flex gap-4 px-4 py-3">
                <time dateTime={event.at.toISOString()} className="w-20 shrink-0 pt-0.5 text-sm text-ink-muted tabular-nums">
                  {formatTime(event.at)}
                </time>
                <div className="min-w-0 flex-1">
                  <p className="text-ink">{historySentence({ ...event, actorName: event.actor?.name ?? null }, itemTitles)}</p>
                  <Details event={event} />
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
