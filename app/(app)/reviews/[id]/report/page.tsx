import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/ui/print-button";
import { OUTCOME_BADGES, STATUS_BADGES, WAIVER_BADGES } from "@/components/reviews/labels";
import { ItemDisclosure } from "@/components/reviews/item-disclosure";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { LevelBadge } from "@/components/readiness/level-badge";
import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import { loadReviewReport } from "@/app/(app)/reviews/[id]/review-page-data";
import { normalizeHttpUrl } from "@/lib/domain/links";
import { answerText, SEVERITY_WORDS, type ReportEvidence, type ReviewReport } from "@/lib/domain/review-markdown";
import { concernCountCells } from "@/lib/domain/outcome-counts";
import { itemCountSentence } from "@/lib/domain/reason-items";
import { CONCERN_COUNT_HEADINGS, ITEM_OUTCOME_WORDS, NO_VERDICT_WORDS, TRIGGER_WORDS } from "@/lib/domain/words";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { reviewCsvHref, reviewExportHref, reviewHref } from "@/lib/routes";

// A review as a document to print or save as PDF: no controls, every value in words, link targets
// printed after their text (paper cannot be clicked). A decided review comes from its snapshot.

type PageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const report = await loadReviewReport((await params).id);
  return { title: `Review report: ${report.service.name}` };
}

const h2 = "text-lg font-semibold text-ink print:text-base";

/** A titled part of the report; `keep` asks print not to split it over two pages. */
function ReportSection({
  id,
  title,
  className = "space-y-3",
  keep = false,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  keep?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className} data-print={keep ? "keep" : undefined}>
      <h2 id={`${id}-heading`} className={h2}>
        {title}
      </h2>
      {children}
    </section>
  );
}
// Paper has no scrollbars: let tables grow instead of clipping them.
const printTable = "print:overflow-visible print:rounded-none";

function when(iso: string | null, by: string | null): string {
  if (!iso) return "—";
  return by ? `${formatDateTime(iso)} by ${by}` : formatDateTime(iso);
}

function EvidenceLink({ evidence }: { evidence: ReportEvidence }) {
  const href = normalizeHttpUrl(evidence.url);
  if (!href) return <span className="break-all">{`${evidence.title} (${evidence.url})`}</span>;
  return (
    <a
      href={href}
      className="break-all text-brand-700 underline underline-offset-2 print:text-ink print:after:text-ink-muted print:after:content-['_('_attr(href)_')']"
    >
      {evidence.title}
    </a>
  );
}

function Header({ report }: { report: ReviewReport }) {
  const status = STATUS_BADGES[report.status];
  const meta: [string, ReactNode][] = [
    ["Service", `${report.service.name} (${report.service.slug})`],
    ["Team", report.service.teamName],
    ["Tier", `Tier ${report.service.tier}`],
    ["Trigger", TRIGGER_WORDS[report.trigger]],
    ["Checklist", `${report.template.name} v${report.template.version}`],
    ["Target date", report.targetDate ? formatDate(report.targetDate) : "—"],
    ["Started", when(report.startedAt, report.startedBy)],
    ["Submitted", when(report.submittedAt, report.submittedBy)],
    ["Decided", when(report.decidedAt, report.decidedBy)],
    ["Decision", report.decision ? <VerdictBadge verdict={report.decision} /> : NO_VERDICT_WORDS],
    ["Decision note", report.decisionNote ?? "—"],
  ];
  return (
    <header className="space-y-4 border-b border-line pb-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm text-ink-muted">Production readiness review report</p>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">{report.service.name}</h1>
          <div className="flex flex-wrap items-center gap-2 pt-1">
            <Badge tone={status.tone}>{status.label}</Badge>
            <Badge>
              {report.isFrozen
                ? `Frozen at the decision (${formatDate(report.evaluatedOn)})`
                : `Live as of ${formatDate(report.evaluatedOn)}`}
            </Badge>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 print:hidden">
          <ButtonLink href={reviewHref(report.reviewId)} variant="ghost">
            Back to the review
          </ButtonLink>
          <PrintButton />
          <ButtonLink href={reviewExportHref(report.reviewId)} download variant="secondary">
            Download Markdown
          </ButtonLink>
          <ButtonLink href={reviewCsvHref(report.reviewId)} download variant="secondary">
            Download CSV
          </ButtonLink>
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
        {meta.map(([term, detail]) => (
          <div key={term}>
            <dt className="text-ink-muted">{term}</dt>
            <dd className="whitespace-pre-line text-ink">{detail}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

function VerdictAndLevel({ report }: { report: ReviewReport }) {
  const levels = [
    { label: "Level with waivers", level: report.level },
    { label: "Level without waivers", level: report.levelWithoutWaivers },
    { label: `Target for tier ${report.service.tier}`, level: report.target },
  ];
  return (
    <div className="grid gap-8 lg:grid-cols-2 print:grid-cols-2">
      <ReportSection id="verdict" title="Verdict" keep>
        <p className="flex items-center gap-2 text-sm">
          Computed verdict <VerdictBadge verdict={report.verdict} size="md" />
        </p>
        <p className="text-sm font-medium text-ink">{report.headline.verdict}</p>
        {report.headline.waiting ? <p className="text-sm text-ink-muted">{report.headline.waiting}</p> : null}
        {report.reasons.length === 0 ? (
          <p className="text-sm text-ink-muted">Nothing stands in the way.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {report.reasons.map((reason, index) => (
              <li key={index}>
                <span className="font-medium">{SEVERITY_WORDS[reason.severity]}:</span> {reason.message}
                {reason.items.length > 1 ? (
                  <ItemDisclosure
                    count={reason.items.length}
                    summary={itemCountSentence(
                      reason.items.map((item) => item.outcome),
                      reason.code,
                    )}
                  >
                    <ul className="list-[circle] pl-5">
                      {reason.items.map((item) => (
                        <li key={item.key}>
                          {item.title} ({ITEM_OUTCOME_WORDS[item.outcome]})
                        </li>
                      ))}
                    </ul>
                  </ItemDisclosure>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </ReportSection>
      <ReportSection id="level" title="Level" keep>
        <p className="text-sm text-ink">{report.headline.standing}</p>
        <dl className="space-y-2 text-sm">
          {levels.map((row) => (
            <div key={row.label} className="flex items-center justify-between gap-3 border-b border-line pb-2">
              <dt className="text-ink-muted">{row.label}</dt>
              <dd>
                <LevelBadge level={row.level} />
              </dd>
            </div>
          ))}
        </dl>
      </ReportSection>
    </div>
  );
}

function ConcernSummary({ report }: { report: ReviewReport }) {
  const columns = CONCERN_COUNT_HEADINGS;
  return (
    <ReportSection id="concerns" title="Concerns">
      <Table wrapperClassName={printTable}>
        <Caption srOnly>Outcomes per concern</Caption>
        <HeaderRow columns={["Concern", ...columns.map((label) => ({ label, key: label, className: "text-right" }))]} />
        <TBody>
          {report.concerns.map(({ key, title, counts }) => (
            <TR key={key}>
              <TH scope="row">{title}</TH>
              {concernCountCells(counts).map((value, index) => (
                <TD key={columns[index]} className="text-right tabular-nums">
                  {value}
                </TD>
              ))}
            </TR>
          ))}
        </TBody>
      </Table>
    </ReportSection>
  );
}

function Items({ report }: { report: ReviewReport }) {
  return (
    <ReportSection id="items" title="Items" className="space-y-6">
      {report.concerns.map((concern) => (
        <div key={concern.key} className="space-y-2">
          <h3 className="font-semibold text-ink">{concern.title}</h3>
          {/* Fixed columns line the concerns' tables up with each other, on screen and on paper. */}
          <Table wrapperClassName={printTable} className="table-fixed break-words">
            <Caption srOnly>{`Items of ${concern.title}`}</Caption>
            <HeaderRow
              columns={[
                { label: "Item", className: "w-[30%]" },
                { label: "Answer", className: "w-[18%]" },
                { label: "Note", className: "w-[27%]" },
                "Evidence",
              ]}
            />
            <TBody>
              {concern.items.map((item) => (
                <TR key={item.key} className="align-top">
                  <TH scope="row" className="align-top">
                    {item.title}
                    <span className="block text-xs font-normal text-ink-muted">
                      L{item.level}
                      {item.isBlocker ? " · Blocker" : ""}
                    </span>
                  </TH>
                  <TD className="align-top">
                    <Badge tone={OUTCOME_BADGES[item.outcome].tone}>{answerText(item)}</Badge>
                  </TD>
                  <TD className="align-top whitespace-pre-line">
                    {item.answer?.naReason ? <p>N/A reason: {item.answer.naReason}</p> : null}
                    {item.answer?.note ? <p>{item.answer.note}</p> : null}
                  </TD>
                  <TD className="align-top">
                    <ul className="space-y-1">
                      {(item.answer?.evidence ?? []).map((evidence, index) => (
                        <li key={index}>
                          <EvidenceLink evidence={evidence} />
                        </li>
                      ))}
                    </ul>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      ))}
    </ReportSection>
  );
}

function Waivers({ report }: { report: ReviewReport }) {
  return (
    <ReportSection id="waivers" title="Waivers">
      {report.waivers.length === 0 ? (
        <p className="text-sm text-ink-muted">No waivers.</p>
      ) : (
        <Table wrapperClassName={printTable}>
          <Caption srOnly>Waivers requested in this review</Caption>
          <HeaderRow columns={["Item", "Status", "Reason", "Compensating control", "Risk owner", "Expires", "Approved by"]} />
          <TBody>
            {report.waivers.map((waiver, index) => (
              <TR key={`${waiver.itemKey}-${index}`} className="align-top">
                <TH scope="row">{waiver.itemTitle}</TH>
                <TD>
                  <Badge tone={WAIVER_BADGES[waiver.status].tone}>{WAIVER_BADGES[waiver.status].label}</Badge>
                  {waiver.status === "APPROVED" && !waiver.isActive ? <span className="block text-xs text-ink-muted">Expired</span> : null}
                </TD>
                <TD className="whitespace-pre-line">{waiver.reason}</TD>
                <TD className="whitespace-pre-line">{waiver.compensatingControl}</TD>
                <TD>{waiver.riskOwner}</TD>
                <TD>{formatDate(waiver.expiresOn)}</TD>
                <TD>{waiver.approvedBy ?? "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </ReportSection>
  );
}

export default async function ReviewReportPage({ params }: PageProps) {
  const report = await loadReviewReport((await params).id);
  return (
    <article className="mx-auto max-w-5xl space-y-8 print:max-w-none print:space-y-6 print:text-sm">
      <Header report={report} />
      <VerdictAndLevel report={report} />
      <ConcernSummary report={report} />
      <Items report={report} />
      <Waivers report={report} />
    </article>
  );
}
