import { SubmitButton } from "@/components/ui/form-status";
import { TextLink } from "@/components/ui/text-link";
import { cn } from "@/lib/utils/cn";

/** An edit form's footer: save, or go back to the list without saving. */
export function SaveOrBack({
  pending,
  saveLabel,
  backHref,
  backLabel,
  className,
}: {
  pending: boolean;
  saveLabel: string;
  backHref: string;
  backLabel: string;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-wrap items-center gap-3", className)}>
      <SubmitButton disabled={pending}>{saveLabel}</SubmitButton>
      <TextLink href={backHref} className="text-sm font-medium">
        {backLabel}
      </TextLink>
    </div>
  );
}
