import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DecisionQueueSections } from "@/components/home/decision-queue";
import { TeamWorkSections } from "@/components/home/team-work";
import { PageHeader } from "@/components/ui/page-header";
import { loadHome } from "@/app/(app)/(home)/home-page-data";
import { PORTFOLIO_PATH } from "@/lib/routes";

export const metadata: Metadata = { title: "Home" };

// What waits for the signed-in person: approvers see what they may decide, editors their team's reviews and what is
// due; someone with both roles sees both. A viewer has nothing waiting, so their home is the portfolio.
export default async function HomePage() {
  const home = await loadHome();
  if (!home) redirect(PORTFOLIO_PATH);
  const hasTeamWork = home.work.teams.length > 0;
  return (
    <>
      <PageHeader
        title="Home"
        description={`Hello ${home.name}. ${
          home.decides && hasTeamWork
            ? "Decisions waiting for you, then your team's reviews and what is due."
            : home.decides
              ? "Reviews and waivers from other teams waiting for your decision."
              : "Your team's reviews under way and the services due for review."
        }`}
      />
      <div className="space-y-10">
        {home.decides ? <DecisionQueueSections queue={home.queue} /> : null}
        {hasTeamWork ? <TeamWorkSections work={home.work} /> : null}
      </div>
    </>
  );
}
