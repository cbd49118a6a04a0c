import { Button, type ButtonProps } from "@/components/ui/button";

export type PendingButtonProps = ButtonProps & { isPending: boolean; pendingLabel: string };

/**
 * A button whose busy state comes from the caller (useActionState / useTransition), for forms that
 * submit through their own transition, where useFormStatus would not see the submission.
 */
export function PendingButton({ isPending, pendingLabel, disabled, children, ...props }: PendingButtonProps) {
  return (
    <>
      <Button disabled={isPending || disabled} aria-busy={isPending || undefined} {...props}>
        {isPending ? pendingLabel : children}
      </Button>
      <span role="status" className="sr-only">
        {isPending ? pendingLabel : ""}
      </span>
    </>
  );
}
