import { DateText } from "@/components/ui/date-text";
import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import type { JobSummary } from "@/lib/db/job-runs";
import { JobRunState } from "./job-runs-table";

export type JobRow = { name: string; description: string; cron: string | null; maxAttempts: number; summary: JobSummary | null };

/** Every job Shipshape knows: what it does, when it runs, and how its latest run went. */
export function JobsTable({ jobs }: { jobs: readonly JobRow[] }) {
  return (
    <Table label="Jobs">
      <Caption srOnly>Background jobs, their schedules and latest runs</Caption>
      <HeaderRow columns={["Job", "What it does", "Schedule (UTC)", "Attempts", "Latest run", "Failed in 24 h"]} />
      <TBody>
        {jobs.map((job) => (
          <TR key={job.name}>
            <TH scope="row" className="font-mono text-xs break-all">
              {job.name}
            </TH>
            <TD className="min-w-56">{job.description}</TD>
            <TD className="font-mono text-xs whitespace-nowrap">
              {job.cron ?? <span className="font-sans text-ink-muted">When sent</span>}
            </TD>
            <TD>{`Up to ${job.maxAttempts}`}</TD>
            <TD className="whitespace-nowrap">
              {job.summary?.lastRunOn && job.summary.lastState ? (
                <span className="flex flex-wrap items-center gap-2">
                  <JobRunState state={job.summary.lastState} />
                  <DateText value={job.summary.lastRunOn} withTime />
                </span>
              ) : (
                <span className="text-ink-muted">Not run yet</span>
              )}
            </TD>
            <TD>{job.summary?.failedLastDay ?? 0}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
