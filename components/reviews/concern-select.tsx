"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { Select } from "@/components/ui/field";
import type { TemplateConcernDto } from "@/lib/db/templates";
import { concernHref } from "@/lib/routes";
import { useWorkspace } from "./review-workspace";

export type ConcernSelectProps = { reviewId: string; concerns: readonly TemplateConcernDto[]; activeConcernKey: string | null };

/** Every concern in one control that fits any screen; on a concern page, leaving with unsaved edits asks first. */
export function ConcernSelect({ reviewId, concerns, activeConcernKey }: ConcernSelectProps) {
  const router = useRouter();
  const workspace = useWorkspace();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium whitespace-nowrap text-ink">
        Concern
      </label>
      <Select
        id={id}
        value={activeConcernKey ?? ""}
        onChange={(event) => {
          const key = event.target.value;
          if (!key) return;
          const href = concernHref(reviewId, key);
          if (workspace) workspace.navigate(href);
          else router.push(href);
        }}
        className="min-h-9 w-auto max-w-[16rem] py-1"
      >
        {activeConcernKey === null ? <option value="">Choose a concern…</option> : null}
        {concerns.map((concern) => (
          <option key={concern.key} value={concern.key}>
            {concern.title}
          </option>
        ))}
      </Select>
    </div>
  );
}
