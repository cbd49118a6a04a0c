import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ROLES, type Role } from "@/lib/domain/types";
import { ROLE_WORDS } from "@/lib/domain/words";
import { TextLink } from "@/components/ui/text-link";
import { WordOptions } from "@/components/ui/select-options";

export type ListSearchProps = {
  /** The list's own path; the form sends ?q= (and ?role=) to it, starting again on page 1. */
  action: string;
  label: string;
  placeholder: string;
  q: string;
  /** Pass to offer the role filter (users only); null means all roles. */
  role?: Role | null;
};

/** A plain GET form: works before JavaScript loads, and the search lands in the URL. */
export function ListSearch({ action, label, placeholder, q, role }: ListSearchProps) {
  const isFiltered = q !== "" || (role !== undefined && role !== null);
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-surface p-4"
    >
      <Field label="Search" name="q" id="admin-search-q" className="min-w-56 flex-1">
        <Input type="search" defaultValue={q} placeholder={placeholder} maxLength={100} />
      </Field>
      {role !== undefined ? (
        <Field label="Role" name="role" id="admin-search-role" className="w-44">
          <Select defaultValue={role ?? ""}>
            <option value="">All roles</option>
            <WordOptions values={ROLES} words={ROLE_WORDS} />
          </Select>
        </Field>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {isFiltered ? (
          <TextLink href={action} className="text-sm font-medium">
            Clear
          </TextLink>
        ) : null}
      </div>
    </form>
  );
}
