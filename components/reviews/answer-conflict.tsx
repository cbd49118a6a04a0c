import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AnswerDto } from "@/lib/db/review-dtos";
import { personText } from "@/lib/domain/people";
import { ANSWER_WORDS } from "@/lib/domain/words";
import { formatDateTime } from "@/lib/format/dates";

export type AnswerConflictProps = {
  /** The answer as it is now on the server; null when it vanished. */
  current: AnswerDto | null;
  isPending: boolean;
  onUseTheirs: () => void;
  onOverwrite: () => void;
};

/** Shows the other person's saved answer and lets the editor choose: theirs, or overwrite with mine. */
export function AnswerConflict({ current, isPending, onUseTheirs, onOverwrite }: AnswerConflictProps) {
  return (
    <Alert tone="warning" role="alert" title="Someone else saved this answer while you were editing">
      {current ? (
        <div className="space-y-2">
          <p>
            {current.answeredBy ? personText(current.answeredBy) : "Someone"} saved it {formatDateTime(current.answeredAt)}. Their answer:
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-surface/60 p-2">
            <dt className="font-medium">Answer</dt>
            <dd>{ANSWER_WORDS[current.status]}</dd>
            {current.status === "NOT_APPLICABLE" ? (
              <>
                <dt className="font-medium">Reason</dt>
                <dd className="whitespace-pre-wrap">{current.naReason || "—"}</dd>
              </>
            ) : null}
            <dt className="font-medium">Note</dt>
            <dd className="whitespace-pre-wrap">{current.note || "—"}</dd>
          </dl>
        </div>
      ) : (
        <p>The answer changed on the server. Reload the page to see it.</p>
      )}
      <p className="mt-2">Your version is still in the form below.</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" size="sm" variant="secondary" onClick={onUseTheirs} disabled={isPending}>
          Use theirs
        </Button>
        <Button type="button" size="sm" onClick={onOverwrite} disabled={isPending}>
          Overwrite with mine
        </Button>
      </div>
    </Alert>
  );
}
