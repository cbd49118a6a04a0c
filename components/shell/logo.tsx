import { cn } from "@/lib/utils/cn";

/** The Shipshape anchor mark. Decorative: always pair it with the product name. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className={cn("size-8 shrink-0", className)}>
      <rect width="32" height="32" rx="8" fill="var(--color-brand-600)" />
      <g fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="16" cy="8.5" r="2.25" />
        <path d="M16 10.75V25M11.5 14h9" />
        <path d="M8.5 19.5a7.5 7.5 0 0 0 15 0" />
        <path d="M6.5 21.5l2-2 2 2M21.5 21.5l2-2 2 2" />
      </g>
    </svg>
  );
}
