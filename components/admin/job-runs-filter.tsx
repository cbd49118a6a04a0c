import { Field, Select } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-controls";
import { WordOptions } from "@/components/ui/select-options";
import { JOB_RUN_STATES, type JobRunState } from "@/lib/domain/job-runs";
import { JOB_RUN_STATE_WORDS } from "@/lib/domain/words";

/** A plain GET form (?state=), so the filter works before JavaScript loads and lands in the URL. */
export function JobRunsFilter({ action, state }: { action: string; state: JobRunState | null }) {
  return (
    <form
      method="get"
      action={action}
      aria-label="Filter job runs"
      className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-surface p-4"
    >
      <Field label="State" name="state" id="job-runs-state" className="w-52">
        <Select defaultValue={state ?? ""}>
          <option value="">All states</option>
          <WordOptions values={JOB_RUN_STATES} words={JOB_RUN_STATE_WORDS} />
        </Select>
      </Field>
      <FilterActions isFiltered={state !== null} clearHref={action} noun="filter" />
    </form>
  );
}
