import { FieldError } from "@/components/ui/field";

export type CarryForwardChoiceProps = { decidedOn: string; error?: string[] };

/** The start form's offer to begin from the last decided review; ticked by default because that is the usual case. */
export function CarryForwardChoice({ decidedOn, error = [] }: CarryForwardChoiceProps) {
  const errorId = error.length > 0 ? "field-carryForward-error" : undefined;
  return (
    <div className="space-y-1.5">
      <div className="flex items-start gap-3">
        <input
          id="field-carryForward"
          name="carryForward"
          type="checkbox"
          defaultChecked
          aria-describedby={["field-carryForward-description", errorId].filter(Boolean).join(" ")}
          className="mt-0.5 size-5 shrink-0 accent-brand-600"
        />
        <div className="space-y-1">
          <label htmlFor="field-carryForward" className="block text-sm font-medium text-ink">
            Start from the review decided on {decidedOn}
          </label>
          <p id="field-carryForward-description" className="text-sm text-ink-muted">
            Copies its answers, notes and evidence for the items this checklist still has. They show as &ldquo;carried — confirm&rdquo; and
            count toward the level once someone confirms them. Waivers are not carried: request them again where still needed.
          </p>
        </div>
      </div>
      <FieldError id={errorId} errors={error} />
    </div>
  );
}
