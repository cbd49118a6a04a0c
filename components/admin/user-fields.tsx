import { Field, fieldId, Select } from "@/components/ui/field";
import { ROLES, type TeamRef } from "@/lib/domain/types";
import { cn } from "@/lib/utils/cn";
import { ROLE_DESCRIPTIONS, ROLE_WORDS } from "@/lib/domain/words";
import { WordOptions } from "@/components/ui/select-options";

export function RoleField({ value, error }: { value: string; error?: string[] }) {
  return (
    <Field
      label="Role"
      name="role"
      required
      error={error}
      description={
        <>
          {ROLES.map((role) => (
            <span key={role} className="block">
              <span className="font-medium text-ink">{ROLE_WORDS[role]}</span>: {ROLE_DESCRIPTIONS[role]}.
            </span>
          ))}
        </>
      }
      className="max-w-md"
    >
      <Select defaultValue={value}>
        <WordOptions values={ROLES} words={ROLE_WORDS} />
      </Select>
    </Field>
  );
}

export type TeamCheckboxesProps = {
  teams: readonly TeamRef[];
  selected: readonly string[];
  error?: string[];
};

/**
 * One checkbox per team, in a scrolling box so a long list stays usable. The first box carries the group's
 * field id, so a failed save can move focus into the group.
 */
export function TeamCheckboxes({ teams, selected, error }: TeamCheckboxesProps) {
  const baseId = fieldId("teamIds");
  const errorId = error?.length ? `${baseId}-error` : undefined;
  const descriptionId = `${baseId}-description`;
  const chosen = new Set(selected);
  return (
    <fieldset className="space-y-2" aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ")}>
      <legend className="text-sm font-medium text-ink">Teams</legend>
      <p id={descriptionId} className="text-sm text-ink-muted">
        Editors and approvers work on their teams&apos; services; approvers never decide their own team&apos;s reviews.
      </p>
      {teams.length === 0 ? (
        <p className="text-sm text-ink-muted">There are no teams yet. Create one under Teams first.</p>
      ) : (
        <ul className={cn("max-h-72 space-y-1 overflow-y-auto rounded-md border border-line p-2", errorId && "border-nogo")}>
          {teams.map((team, i) => {
            const id = i === 0 ? baseId : `${baseId}-${team.id}`;
            return (
              <li key={team.id}>
                <label htmlFor={id} className="flex min-h-9 cursor-pointer items-center gap-2 rounded px-2 text-sm hover:bg-slate-50">
                  <input
                    id={id}
                    type="checkbox"
                    name="teamIds"
                    value={team.id}
                    defaultChecked={chosen.has(team.id)}
                    aria-invalid={errorId ? true : undefined}
                    className="size-4 accent-brand-600"
                  />
                  <span>{team.name}</span>
                  <span className="text-ink-muted">({team.slug})</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-nogo">
          {error?.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
