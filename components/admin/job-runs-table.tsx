import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DateText } from "@/components/ui/date-text";
import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import type { JobRun } from "@/lib/db/job-runs";
import { formatDurationMs, type JobRunState } from "@/lib/domain/job-runs";
import { JOB_RUN_STATE_WORDS } from "@/lib/domain/words";

const STATE_TONES: Record<JobRunState, BadgeTone> = {
  created: "neutral",
  retry: "warning",
  active: "info",
  completed: "success",
  failed: "danger",
  cancelled: "neutral",
};

export function JobRunState({ state }: { state: JobRunState }) {
  return <Badge tone={STATE_TONES[state]}>{JOB_RUN_STATE_WORDS[state]}</Badge>;
}

const notYet = <span className="text-ink-muted">—</span>;

/** Recent runs, newest first: when each started and finished, how long it took, its attempts and the last error. */
export function JobRunsTable({ runs, caption }: { runs: readonly JobRun[]; caption: string }) {
  return (
    <Table label="Job runs">
      <Caption srOnly>{caption}</Caption>
      <HeaderRow columns={["Job", "State", "Queued", "Started", "Finished", "Duration", "Attempts", "Error"]} />
      <TBody>
        {runs.map((run) => (
          <TR key={run.id}>
            <TH scope="row" className="font-mono text-xs break-all">
              {run.job}
            </TH>
            <TD>
              <JobRunState state={run.state} />
            </TD>
            <TD className="whitespace-nowrap">
              <DateText value={run.createdOn} withTime />
            </TD>
            <TD className="whitespace-nowrap">{run.startedOn ? <DateText value={run.startedOn} withTime /> : notYet}</TD>
            <TD className="whitespace-nowrap">{run.completedOn ? <DateText value={run.completedOn} withTime /> : notYet}</TD>
            <TD className="whitespace-nowrap">{run.durationMs === null ? notYet : formatDurationMs(run.durationMs)}</TD>
            <TD className="whitespace-nowrap">{`${run.attempts} of ${run.maxAttempts}`}</TD>
            <TD className="max-w-md min-w-48 break-words">{run.error ? <span className="text-nogo-ink">{run.error}</span> : notYet}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
