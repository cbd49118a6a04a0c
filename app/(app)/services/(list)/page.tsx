import type { Metadata } from "next";
import Link from "next/link";
import { ServicesFilters } from "@/components/services/services-filters";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LevelBadge } from "@/components/ui/level-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Caption, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { requireViewer } from "@/lib/auth/viewer";
import { listServices, type LatestReviewSummary, type ServiceList } from "@/lib/db/services";
import { listTeams, listTeamsForViewer } from "@/lib/db/teams";
import { LIFECYCLE_LABELS, SERVICES_PAGE_SIZE, servicesSearchParams, type ServicesSearchParams } from "@/lib/schemas/service";

export const metadata: Metadata = { title: "Services" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function servicesHref(params: ServicesSearchParams, page: number): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.team) query.set("team", params.team);
  if (params.tier !== undefined) query.set("tier", String(params.tier));
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `/services?${search}` : "/services";
}

export default async function ServicesPage({ searchParams }: PageProps) {
  const params = servicesSearchParams.parse(await searchParams);
  const viewer = await requireViewer(servicesHref(params, params.page));
  const [teams, creatableTeams] = await Promise.all([listTeams(), listTeamsForViewer(viewer)]);
  // An unknown team slug (a renamed team in an old link) shows every team rather than nothing.
  const team = teams.find((t) => t.slug === params.team);
  const current = { ...params, team: team ? params.team : "" };
  const list = await listServices(viewer, {
    q: current.q,
    teamId: team?.id,
    tier: current.tier,
    page: current.page,
    pageSize: SERVICES_PAGE_SIZE,
  });
  const canCreate = creatableTeams.length > 0;
  const isFiltered = current.q !== "" || current.team !== "" || current.tier !== undefined;
  const newServiceButton = canCreate ? <ButtonLink href="/services/new">New service</ButtonLink> : null;

  return (
    <>
      <PageHeader
        title="Services"
        description="Every service in the portfolio, with its latest readiness review."
        actions={newServiceButton}
      />
      <ServicesFilters teams={teams} current={current} />
      {list.items.length > 0 ? (
        <>
          <ServicesTable list={list} />
          <Pagination list={list} hrefFor={(page) => servicesHref(current, page)} />
        </>
      ) : list.total > 0 ? (
        <EmptyState
          title="This page is empty"
          description={`There are ${list.total} matching services on earlier pages.`}
          action={<ButtonLink href={servicesHref(current, 1)}>Go to the first page</ButtonLink>}
        />
      ) : isFiltered ? (
        <EmptyState
          title="No services match these filters"
          description="Try another search, or clear the filters to see every service."
          action={
            <ButtonLink href="/services" variant="secondary">
              Clear filters
            </ButtonLink>
          }
        />
      ) : (
        <EmptyState
          title="No services yet — create the first one"
          description={
            canCreate
              ? "Add a service to track its production readiness reviews, maturity level and go/no-go verdicts."
              : "Editors add their team's services here. Ask an editor or an admin to add the first one."
          }
          action={newServiceButton}
        />
      )}
    </>
  );
}

function ServicesTable({ list }: { list: ServiceList }) {
  return (
    <Table label="Services">
      <Caption srOnly>
        Services, page {list.page} of {list.pageCount}, {list.total} in all
      </Caption>
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Team</TH>
          <TH>Tier</TH>
          <TH>Lifecycle</TH>
          <TH>Level</TH>
          <TH>Verdict</TH>
        </tr>
      </THead>
      <TBody>
        {list.items.map((service) => (
          <TR key={service.id}>
            <TH scope="row">
              <Link href={`/services/${service.slug}`} className="text-brand-700 underline-offset-2 hover:underline">
                {service.name}
              </Link>
            </TH>
            <TD>{service.team.name}</TD>
            <TD>Tier {service.tier}</TD>
            <TD>{LIFECYCLE_LABELS[service.lifecycle]}</TD>
            <TD>{service.latestReview?.level != null ? <LevelBadge level={service.latestReview.level} compact /> : "—"}</TD>
            <TD>
              <LatestOutcome review={service.latestReview} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

function LatestOutcome({ review }: { review: LatestReviewSummary | null }) {
  if (!review) return <span className="text-ink-muted">No review yet</span>;
  if (review.status === "DECIDED") return <VerdictBadge verdict={review.decision ?? review.computedVerdict} />;
  if (review.status === "SUBMITTED") return <Badge tone="info">Awaiting decision</Badge>;
  return <Badge>Review in progress</Badge>;
}

function Pagination({ list, hrefFor }: { list: ServiceList; hrefFor: (page: number) => string }) {
  if (list.pageCount <= 1) return null;
  const linkClass = "rounded-md px-3 py-2 font-medium text-brand-700 underline-offset-2 hover:bg-brand-50 hover:underline";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-4 text-sm">
      <p className="text-ink-muted">
        Page {list.page} of {list.pageCount} · {list.total} services
      </p>
      <div className="flex gap-2">
        {list.page > 1 ? (
          <Link href={hrefFor(list.page - 1)} className={linkClass}>
            Previous page
          </Link>
        ) : null}
        {list.page < list.pageCount ? (
          <Link href={hrefFor(list.page + 1)} className={linkClass}>
            Next page
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
