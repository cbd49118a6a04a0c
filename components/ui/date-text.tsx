import { formatDate, formatDateTime, type DateInput } from "@/lib/format/dates";
import { isoDay } from "@/lib/domain/days";

export type DateTextProps = {
  value: DateInput;
  /** With the time of day ("15 Jun 2025, 14:30 UTC"); a calendar day otherwise. */
  withTime?: boolean;
  className?: string;
};

/** A date in the one format every page uses, with the machine-readable value on <time>. */
export function DateText({ value, withTime = false, className }: DateTextProps) {
  const instant = value instanceof Date ? value : new Date(value);
  const machine = withTime ? instant.toISOString() : isoDay(instant);
  return (
    <time dateTime={machine} className={className}>
      {withTime ? formatDateTime(instant) : formatDate(instant)}
    </time>
  );
}
