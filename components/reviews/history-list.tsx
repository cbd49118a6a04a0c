import { Caption, HeaderRow, Table, TBody, TD, TR } from "@/components/ui/table";
import type { AuditEventDto } from "@/lib/db/audit";
import { personText } from "@/lib/domain/people";
import { AUDIT_ACTION_WORDS } from "@/lib/domain/words";
import { DateText } from "@/components/ui/date-text";

type Change = { field: string; before: string; after: string };

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** "levelWithoutWaivers" → "level without waivers". */
function fieldLabel(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** Fields whose value differs between before and after; the item key is context, shown separately. */
export function changesOf(before: unknown, after: unknown): Change[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => field !== "itemKey");
  return fields
    .filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]))
    .map((field) => ({ field: fieldLabel(field), before: show(a[field]), after: show(b[field]) }));
}

export type HistoryListProps = {
  events: readonly AuditEventDto[];
  /** Item key → title, so rows name the item rather than its key. */
  itemTitles: ReadonlyMap<string, string>;
};

/** The audit trail: who, when, what, and each changed field before → after. */
export function HistoryList({ events, itemTitles }: HistoryListProps) {
  return (
    <Table label="Review history">
      <Caption srOnly>Review history, newest first</Caption>
      <HeaderRow columns={["When", "Who", "What", "Before → after"]} />
      <TBody>
        {events.map((event) => {
          const itemKey = asRecord(event.after).itemKey ?? asRecord(event.before).itemKey;
          const item = typeof itemKey === "string" ? (itemTitles.get(itemKey) ?? itemKey) : null;
          const changes = changesOf(event.before, event.after);
          return (
            <TR key={event.id} className="align-top">
              <TD className="whitespace-nowrap">
                <DateText value={event.at} withTime />
              </TD>
              <TD className="break-all">{event.actor ? personText(event.actor) : "system"}</TD>
              <TD>
                <p>{AUDIT_ACTION_WORDS[event.action] ?? event.action}</p>
                {item ? <p className="text-ink-muted">{item}</p> : null}
              </TD>
              <TD>
                {changes.length === 0 ? (
                  <span className="text-ink-muted">No field changes</span>
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
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
