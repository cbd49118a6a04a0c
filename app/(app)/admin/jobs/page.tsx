import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { JobRunsFilter } from "@/components/admin/job-runs-filter";
import { JobRunsTable } from "@/components/admin/job-runs-table";
import { JobsTable } from "@/components/admin/jobs-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { pageSummary, Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { listJobRuns, summarizeJobs } from "@/lib/db/job-runs";
import { JOB_RUN_STATE_WORDS } from "@/lib/domain/words";
import { jobSettings } from "@/lib/env";
import { effectiveCron, JOBS } from "@/lib/jobs/registry";
import { ADMIN_JOBS_PATH, adminJobsHref } from "@/lib/routes";
import { ADMIN_PAGE_SIZE, adminJobRunsSearchParams, type AdminJobRunsSearch } from "@/lib/schemas/admin";
import { requireViewer } from "@/lib/session/viewer";

export const metadata: Metadata = { title: "Jobs · Admin" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function runsHref(search: AdminJobRunsSearch, page = search.page): string {
  return adminJobsHref({ state: search.state, page });
}

export default async function AdminJobsPage({ searchParams }: PageProps) {
  const search = adminJobRunsSearchParams.parse(await searchParams);
  const viewer = await requireViewer(runsHref(search));
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const settings = jobSettings();
  const [runs, summaries] = await Promise.all([
    listJobRuns({ state: search.state }, { page: search.page, pageSize: ADMIN_PAGE_SIZE }),
    summarizeJobs(JOBS.map((job) => job.name)),
  ]);
  const jobs = JOBS.map((job) => ({
    name: job.name,
    description: job.description,
    cron: effectiveCron(job, settings.JOBS_SCHEDULES),
    maxAttempts: job.retry.retries + 1,
    summary: summaries.get(job.name) ?? null,
  }));
  const stateWords = search.state ? ` ${JOB_RUN_STATE_WORDS[search.state].toLowerCase()}` : "";

  return (
    <>
      <AdminPageHeader
        title="Jobs"
        description={
          settings.JOBS_MODE === "off"
            ? "Background and scheduled work. This server does not run jobs (JOBS_MODE=off): a separate `npm run worker` does."
            : "Background and scheduled work, run by the servers themselves and any `npm run worker`. Each scheduled run happens once however many are running."
        }
      />
      <section aria-labelledby="jobs-heading" className="mb-8">
        <h2 id="jobs-heading" className="mb-3 text-lg font-semibold text-ink">
          Jobs
        </h2>
        <JobsTable jobs={jobs} />
      </section>
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="mb-3 text-lg font-semibold text-ink">
          Recent runs
        </h2>
        <JobRunsFilter action={ADMIN_JOBS_PATH} state={search.state ?? null} />
        {runs.total === 0 ? (
          <EmptyState
            title={search.state ? "No runs in this state" : "No runs yet"}
            description={
              search.state
                ? "Choose another state, or show all runs. Succeeded runs are kept for 7 days, failed ones for 14."
                : "Scheduled jobs appear here once they first run; succeeded runs are kept for 7 days, failed ones for 14."
            }
          />
        ) : runs.items.length === 0 ? (
          <EmptyState
            title="This page is empty"
            description={`There are ${runs.total} runs on ${runs.pageCount} pages.`}
            action={<ButtonLink href={runsHref(search, 1)}>Go to the first page</ButtonLink>}
          />
        ) : (
          <>
            <JobRunsTable
              runs={runs.items}
              caption={`Recent${stateWords} job runs, newest first, page ${runs.page} of ${runs.pageCount}`}
            />
            <Pagination
              page={runs.page}
              pageCount={runs.pageCount}
              summary={pageSummary(runs.page, runs.pageCount, runs.total, "run")}
              hrefFor={(page) => runsHref(search, page)}
            />
          </>
        )}
      </section>
    </>
  );
}
