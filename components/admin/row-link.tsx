import { TH } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";

/** The row's name as its header cell, linking to where an admin changes it; `action` tells screen readers what the link does. */
export function AdminRowLink({ href, name, action }: { href: string; name: string; action: string }) {
  return (
    <TH scope="row">
      <TextLink href={href}>
        {name}
        <span className="sr-only"> ({action})</span>
      </TextLink>
    </TH>
  );
}
