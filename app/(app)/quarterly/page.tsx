import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { QuarterPicker } from "@/components/quarterly/quarter-picker";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/session/viewer";
import { currentQuarter } from "@/lib/domain/quarters";
import { meetingQuarters, quarterlySearchParams } from "@/lib/schemas/quarterly";
import { quarterlyHref } from "@/lib/routes";

export const metadata: Metadata = { title: "Quarterly review" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QuarterlyPage({ searchParams }: PageProps) {
  const search = quarterlySearchParams.parse(await searchParams);
  await requireViewer("/quarterly");
  // The picker's form arrives here as ?quarter=…; the meeting itself lives at its own shareable URL.
  if (search.quarter) redirect(quarterlyHref(search.quarter, "", { team: search.team }));
  const now = new Date();
  const current = currentQuarter(now);
  return (
    <>
      <PageHeader
        title="Quarterly review meeting"
        description="Pick a quarter to walk through the services due for review: what changed since each one's previous review, and what the meeting decided."
      />
      <QuarterPicker current={current} quarters={meetingQuarters(now)} />
    </>
  );
}
