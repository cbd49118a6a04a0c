import type { ReactNode } from "react";
import { Badge, type BadgeProps, type BadgeTone } from "@/components/ui/badge";
import { InlineIcon } from "@/components/ui/inline-icon";
import type { Verdict } from "@/lib/domain/types";
import { NO_VERDICT_WORDS, VERDICT_WORDS } from "@/lib/domain/words";

type VerdictKey = Verdict | "NONE";

const labels: Record<VerdictKey, string> = { ...VERDICT_WORDS, NONE: NO_VERDICT_WORDS };

const tones: Record<VerdictKey, BadgeTone> = { GO: "success", CONDITIONAL_GO: "warning", NO_GO: "danger", NONE: "neutral" };

// A shape for every verdict, so it is never told by colour alone.
const icons: Record<VerdictKey, ReactNode> = {
  GO: <path d="M3.5 8.5l3 3 6-7" />,
  CONDITIONAL_GO: <path d="M8 4v5M8 11.5v.5" />,
  NO_GO: <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />,
  NONE: <path d="M4.5 8h7" />,
};

export function verdictLabel(verdict: Verdict | null | undefined) {
  return labels[verdict ?? "NONE"];
}

export type VerdictBadgeProps = Omit<BadgeProps, "children" | "tone"> & { verdict: Verdict | null | undefined };

export function VerdictBadge({ verdict, ...props }: VerdictBadgeProps) {
  const key = verdict ?? "NONE";
  return (
    <Badge tone={tones[key]} {...props}>
      <InlineIcon>{icons[key]}</InlineIcon>
      {labels[key]}
    </Badge>
  );
}
