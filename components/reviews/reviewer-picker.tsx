"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { ReviewerOption } from "@/lib/db/reviews";
import { FieldError } from "@/components/ui/field";
import { cn } from "@/lib/utils/cn";

export type ReviewerPickerProps = {
  /** Approvers outside the owning team, by name. */
  options: readonly ReviewerOption[];
  /** The form field each chosen id is posted under. */
  name: string;
  label: string;
  description?: string;
  error?: string[];
};

const MAX_SHOWN = 50;

function matches(option: ReviewerOption, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === "" || option.name.toLowerCase().includes(q) || option.teams.some((team) => team.toLowerCase().includes(q));
}

/**
 * A searchable multi-select (ARIA combobox with a listbox popup): type to filter by name or team, arrows to move,
 * Enter to add or remove, Escape to close. Chosen people show as removable chips and post as hidden fields.
 */
export function ReviewerPicker({ options, name, label, description, error = [] }: ReviewerPickerProps) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listId = `${baseId}-list`;
  const descriptionId = description ? `${baseId}-description` : undefined;
  const errorId = error.length > 0 ? `${baseId}-error` : undefined;
  const [query, setQuery] = useState("");
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);

  const shown = useMemo(() => options.filter((option) => matches(option, query)).slice(0, MAX_SHOWN), [options, query]);
  const byId = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const activeOption = isOpen ? shown[Math.min(active, shown.length - 1)] : undefined;
  const optionId = (id: string) => `${baseId}-option-${id}`;

  const toggle = (option: ReviewerOption) => {
    const isChosen = chosen.includes(option.id);
    setChosen((ids) => (isChosen ? ids.filter((id) => id !== option.id) : [...ids, option.id]));
    setAnnouncement(isChosen ? `Removed ${option.name}` : `Added ${option.name}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!isOpen) {
        setIsOpen(true);
        setActive(event.key === "ArrowDown" ? 0 : Math.max(shown.length - 1, 0));
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (shown.length === 0 ? 0 : (Math.min(index, shown.length - 1) + step + shown.length) % shown.length));
    } else if (event.key === "Enter") {
      // Enter picks from the list; it never submits the form from here.
      event.preventDefault();
      if (activeOption) toggle(activeOption);
      else setIsOpen(true);
    } else if (event.key === "Escape") {
      if (isOpen) {
        event.preventDefault();
        setIsOpen(false);
      } else setQuery("");
    } else if (event.key === "Home" && isOpen) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === "End" && isOpen) {
      event.preventDefault();
      setActive(Math.max(shown.length - 1, 0));
    }
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {description ? (
        <p id={descriptionId} className="text-sm text-ink-muted">
          {description}
        </p>
      ) : null}
      {chosen.length > 0 ? (
        <ul aria-label={`Chosen ${label.toLowerCase()}`} className="flex flex-wrap gap-2">
          {chosen.map((id) => {
            const person = byId.get(id);
            if (!person) return null;
            return (
              <li
                key={id}
                className="inline-flex max-w-full items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-3 text-sm text-brand-900 ring-1 ring-brand-200"
              >
                <span className="truncate">{person.name}</span>
                <button
                  type="button"
                  onClick={() => {
                    toggle(person);
                    inputRef.current?.focus();
                  }}
                  aria-label={`Remove ${person.name}`}
                  className="inline-flex size-7 items-center justify-center rounded-full hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  <span aria-hidden="true">×</span>
                </button>
                <input type="hidden" name={name} value={id} />
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="relative">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-activedescendant={activeOption ? optionId(activeOption.id) : undefined}
          aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ") || undefined}
          aria-invalid={errorId ? true : undefined}
          placeholder="Search approvers by name or team"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setIsOpen(true);
          }}
          onFocus={() => setIsOpen(true)}
          onBlur={() => setIsOpen(false)}
          onKeyDown={onKeyDown}
          className="block min-h-10 w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-ink shadow-sm placeholder:text-slate-500 aria-[invalid=true]:border-nogo"
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={`Approvers outside the owning team`}
          aria-multiselectable="true"
          hidden={!isOpen}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-line bg-surface py-1 shadow-lg"
        >
          {shown.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-2 text-sm text-ink-muted">
              {options.length === 0 ? "No approver outside the owning team is available" : "No approver matches"}
            </li>
          ) : (
            shown.map((option) => {
              const isChosen = chosen.includes(option.id);
              return (
                <li
                  key={option.id}
                  id={optionId(option.id)}
                  role="option"
                  aria-selected={isChosen}
                  // Keeps focus in the text box, so the list stays open while picking several people.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => toggle(option)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" || event.key === " ") {
                      event.preventDefault();
                      toggle(option);
                    }
                  }}
                  className={cn(
                    "flex cursor-pointer items-start gap-2 px-3 py-2 text-sm text-ink",
                    activeOption?.id === option.id && "bg-brand-50",
                  )}
                >
                  <span aria-hidden="true" className="w-4 shrink-0 font-semibold text-brand-700">
                    {isChosen ? "✓" : ""}
                  </span>
                  <span className="min-w-0">
                    <span className="block">{option.name}</span>
                    {option.teams.length > 0 ? <span className="block text-xs text-ink-muted">{option.teams.join(", ")}</span> : null}
                  </span>
                </li>
              );
            })
          )}
        </ul>
      </div>
      <FieldError id={errorId} errors={error} />
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
