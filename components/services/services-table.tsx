"use client";

import Link from "next/link";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type Header } from "@tanstack/react-table";
import { DateText } from "@/components/ui/date-text";
import { InlineIcon } from "@/components/ui/inline-icon";
import { Caption, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { ServicesTableRow } from "@/lib/db/services-table";
import { SORT_KEYS, sortHref, type ServicesTableState, type SortKey } from "@/lib/schemas/services-table";
import { CountCell, LevelVsTargetCell, NextReviewCell } from "./services-table-cells";
import { serviceHref } from "@/lib/routes";
import { TextLink } from "@/components/ui/text-link";

// TanStack renders the columns, but the server already filtered, sorted and paged the rows (manual* options):
// sorting a column is a link to the URL of the new view, so it works before JavaScript loads and can be shared.

const column = createColumnHelper<ServicesTableRow>();

// Column ids are the URL's sort keys, so a header knows which link to render.
const columns = [
  column.accessor("name", {
    id: "name",
    header: "Service",
    cell: ({ row }) => <TextLink href={serviceHref(row.original.slug)}>{row.original.name}</TextLink>,
  }),
  column.accessor((row) => row.team.name, { id: "team", header: "Team" }),
  column.accessor("tier", { id: "tier", header: "Tier", cell: ({ getValue }) => `Tier ${getValue()}` }),
  column.accessor("level", { id: "level", header: "Level vs target", cell: ({ row }) => <LevelVsTargetCell row={row.original} /> }),
  column.accessor("verdict", { id: "verdict", header: "Last verdict", cell: ({ getValue }) => <VerdictBadge verdict={getValue()} /> }),
  column.accessor("lastDecidedAt", {
    id: "lastDecided",
    header: "Last decided",
    cell: ({ getValue }) => {
      const date = getValue();
      return date ? <DateText value={date} /> : <span className="text-ink-muted">Never</span>;
    },
  }),
  column.accessor("nextReviewDue", { id: "nextDue", header: "Next review due", cell: ({ row }) => <NextReviewCell row={row.original} /> }),
  column.accessor("openBlockers", { id: "blockers", header: "Open blockers", cell: ({ getValue }) => <CountCell count={getValue()} /> }),
  // Counted for the rows on screen only, so it cannot order the whole view.
  column.accessor("activeWaivers", {
    id: "activeWaivers",
    header: "Active waivers",
    enableSorting: false,
    cell: ({ getValue }) => <CountCell count={getValue()} />,
  }),
];

const NUMERIC_COLUMNS = new Set(["blockers", "activeWaivers"]);

function isSortKey(id: string): id is SortKey {
  return (SORT_KEYS as readonly string[]).includes(id);
}

export type ServicesTableProps = {
  rows: ServicesTableRow[];
  state: ServicesTableState;
  total: number;
  pageCount: number;
};

export function ServicesTable({ rows, state, total, pageCount }: ServicesTableProps) {
  // TanStack Table v8 returns a fresh table object each render by design; it is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableSortingRemoval: false,
    rowCount: total,
    pageCount,
    state: {
      sorting: [{ id: state.sort, desc: state.dir === "desc" }],
      pagination: { pageIndex: state.page - 1, pageSize: state.size },
    },
  });
  const sortedBy = columns.find((c) => c.id === state.sort)?.header;

  return (
    <Table label="Services">
      <Caption srOnly>
        Services sorted by {typeof sortedBy === "string" ? sortedBy : state.sort}, {state.dir === "asc" ? "ascending" : "descending"}; page{" "}
        {state.page} of {pageCount}, {total} in all
      </Caption>
      <THead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <SortableHeader key={header.id} header={header} state={state} />
            ))}
          </tr>
        ))}
      </THead>
      <TBody>
        {table.getRowModel().rows.map((row) => (
          <TR key={row.id}>
            {row.getVisibleCells().map((cell) => {
              const content = flexRender(cell.column.columnDef.cell, cell.getContext());
              if (cell.column.id === "name") {
                return (
                  <TH key={cell.id} scope="row" className="min-w-44">
                    {content}
                  </TH>
                );
              }
              return (
                <TD key={cell.id} className={NUMERIC_COLUMNS.has(cell.column.id) ? "text-right" : "whitespace-nowrap"}>
                  {content}
                </TD>
              );
            })}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

function SortableHeader({ header, state }: { header: Header<ServicesTableRow, unknown>; state: ServicesTableState }) {
  const label = flexRender(header.column.columnDef.header, header.getContext());
  const id = header.column.id;
  const align = NUMERIC_COLUMNS.has(id) ? "text-right" : undefined;
  if (!header.column.getCanSort() || !isSortKey(id)) {
    return <TH className={align}>{label}</TH>;
  }
  const sorted = header.column.getIsSorted();
  return (
    <TH className={align} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
      <Link
        href={sortHref(state, id)}
        scroll={false}
        className="-mx-1 inline-flex items-center gap-1 rounded-sm px-1 uppercase underline-offset-2 hover:text-ink hover:underline"
      >
        {label}
        <SortIcon sorted={sorted} />
      </Link>
    </TH>
  );
}

function SortIcon({ sorted }: { sorted: false | "asc" | "desc" }) {
  const path = sorted === "asc" ? "M4 10l4-4 4 4" : sorted === "desc" ? "M4 6l4 4 4-4" : "M5 6l3-3 3 3M5 10l3 3 3-3";
  return (
    <InlineIcon className={sorted ? undefined : "opacity-50"}>
      <path d={path} />
    </InlineIcon>
  );
}
