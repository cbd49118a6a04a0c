import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";
import type { TeamDto } from "@/lib/db/teams";
import { quarterlyHref } from "@/lib/routes";

export type PrintableMeetingProps = {
  /** The document's name: the page title's start and the last breadcrumb. */
  name: "Agenda" | "Minutes";
  quarter: string;
  teams: TeamDto[];
  /** A known team slug, or "" for every team. */
  team: string;
  /** What the document holds; it follows the team the page is filtered to. */
  description: string;
  /** An @page rule: each document picks the paper orientation its table needs. */
  printPage: string;
  /** Nothing is due: the document says so instead of showing `children`. */
  isEmpty: boolean;
  children: ReactNode;
};

/** The frame of the meeting's printable documents (agenda and minutes): print rule, header, empty state. */
export function PrintableMeeting({ name, quarter, teams, team, description, printPage, isEmpty, children }: PrintableMeetingProps) {
  const teamName = teams.find((t) => t.slug === team)?.name;
  return (
    <>
      <style>{printPage}</style>
      <PageHeader
        title={`${name} · Quarterly review ${quarter}`}
        description={`${teamName ?? "All teams"}. ${description}`}
        breadcrumbs={[
          { label: "Quarterly review", href: "/quarterly" },
          { label: quarter, href: quarterlyHref(quarter, "", { team }) },
          { label: name },
        ]}
        actions={
          <>
            <PrintButton />
            <ButtonLink href={quarterlyHref(quarter, "", { team })} variant="secondary">
              Back to the meeting
            </ButtonLink>
          </>
        }
      />
      {isEmpty ? <EmptyState title={`Nothing is due in ${quarter} — every service was reviewed in the last 90 days.`} /> : children}
    </>
  );
}
