import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { ReviewView } from "@/lib/db/reviews";
import { DecisionForm } from "./decision-form";
import { pendingWaiversOf } from "./pending-waivers";
import { SignOffControls } from "./sign-off-controls";
import { formatDateTime } from "@/lib/format/dates";

/** Sign-off and decision: what happens next, and the controls for whoever may do it. */
export function DecisionPanel({ view }: { view: ReviewView }) {
  const { review, permissions, evaluation, service } = view;
  const unanswered = evaluation.concerns.reduce((sum, c) => sum + (c.total - c.answered), 0);
  const pendingWaivers = pendingWaiversOf(view).length;

  if (review.status === "DECIDED") {
    return (
      <Card>
        <CardHeader>
          <div>
            <CardTitle>Decision</CardTitle>
            <CardDescription>
              Recorded by {review.decidedBy?.name ?? "an approver"}
              {review.decidedAt ? ` on ${formatDateTime(review.decidedAt)}` : ""}.
            </CardDescription>
          </div>
          <VerdictBadge verdict={review.decision} size="md" />
        </CardHeader>
        <CardContent className="space-y-3">
          {review.decisionNote ? <p className="text-sm whitespace-pre-wrap text-ink">{review.decisionNote}</p> : null}
          <Alert tone="info" role={undefined}>
            This review is frozen: answers, evidence, waivers, level, verdict and reasons are kept exactly as decided. Further work happens
            in a new review.
          </Alert>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>Sign-off and decision</CardTitle>
          <CardDescription>
            {review.status === "DRAFT"
              ? `An editor of ${service.team.name} signs the review as owner; then an approver from another team decides.`
              : `Signed by ${review.submittedBy?.name ?? "the owning team"}${review.submittedAt ? ` on ${formatDateTime(review.submittedAt)}` : ""}; waiting for an approver who is not on ${service.team.name}.`}
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-6">
        {permissions.canSubmit ? (
          <SignOffControls
            reviewId={review.id}
            version={review.version}
            teamName={service.team.name}
            mode="submit"
            unanswered={unanswered}
          />
        ) : null}
        {permissions.canDecide && pendingWaivers > 0 ? (
          // Deciding freezes the review: a waiver still pending stays pending in the record and can no longer be approved.
          <Alert
            tone="warning"
            role={undefined}
            title={`${pendingWaivers} ${pendingWaivers === 1 ? "waiver waits" : "waivers wait"} for approval`}
          >
            Recording the decision now leaves {pendingWaivers === 1 ? "it" : "them"} pending: pending waivers do not count toward the level
            or the verdict, and once the review is decided they can no longer be approved.{" "}
            <a href="#pending-waivers" className="font-medium underline">
              Approve or reject {pendingWaivers === 1 ? "it" : "them"} first
            </a>
            .
          </Alert>
        ) : null}
        {permissions.canDecide ? <DecisionForm reviewId={review.id} version={review.version} computedVerdict={evaluation.verdict} /> : null}
        {permissions.canReopen ? (
          <SignOffControls reviewId={review.id} version={review.version} teamName={service.team.name} mode="reopen" unanswered={0} />
        ) : null}
        {permissions.decideRefusal ? (
          <Alert tone="info" role={undefined}>
            {permissions.decideRefusal}
          </Alert>
        ) : !permissions.canSubmit && !permissions.canDecide && !permissions.canReopen ? (
          <p className="text-sm text-ink-muted">You can read this review; you cannot sign or decide it.</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
