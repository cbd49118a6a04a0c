import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { ReviewView } from "@/lib/db/reviews";
import type { WaiverDto } from "@/lib/db/review-dtos";
import { concernHref } from "@/lib/routes";
import { WaiverList } from "./waiver-list";

/** The review's waiver requests nobody has approved or rejected yet. */
export function pendingWaiversOf(view: Pick<ReviewView, "waivers">): WaiverDto[] {
  return view.waivers.filter((waiver) => waiver.status === "PENDING");
}

/**
 * Pending waivers on the overview, beside the decision, with approve and reject for an approver who may: a waiver
 * counts only once approved, so the person deciding sees what is still open before they decide.
 */
export function PendingWaivers({ view }: { view: ReviewView }) {
  const { review, permissions, service, template } = view;
  const pending = pendingWaiversOf(view);
  if (review.status === "DECIDED" || pending.length === 0) return null;
  const items = new Map(template.items.map((item) => [item.key, item]));
  return (
    <Card id="pending-waivers" className="scroll-mt-6">
      <section aria-labelledby="pending-waivers-heading">
        <CardHeader>
          <div>
            <CardTitle id="pending-waivers-heading">
              Pending waivers <span className="font-normal text-ink-muted">({pending.length})</span>
            </CardTitle>
            <CardDescription>
              {permissions.canApproveWaivers
                ? "Approve or reject each request before deciding: a waiver counts toward the level only once approved."
                : `Waiting for an approver who is not on ${service.team.name}; until then they do not count toward the level.`}
            </CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <ul className="space-y-4">
            {pending.map((waiver) => {
              const item = items.get(waiver.itemKey);
              return (
                <li key={waiver.id} className="space-y-2">
                  <h3 className="text-sm font-semibold text-ink">
                    {item ? <TextLink href={concernHref(review.id, item.concernKey, item.key)}>{item.title}</TextLink> : waiver.itemKey}
                  </h3>
                  <WaiverList
                    reviewId={review.id}
                    waivers={[waiver]}
                    canApprove={permissions.canApproveWaivers}
                    refusals={permissions.waiverRefusals}
                    canRevoke={permissions.canRevokeWaivers}
                  />
                </li>
              );
            })}
          </ul>
        </CardContent>
      </section>
    </Card>
  );
}
