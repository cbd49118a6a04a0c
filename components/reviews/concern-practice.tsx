import type { PracticeDef } from "@/lib/domain/default-template";

/** Who to ask about a concern and where to read up on it: the seed's routing to a specialist practice, in plain words. */
export function ConcernPractice({ practice }: { practice: PracticeDef | undefined }) {
  if (!practice) return null;
  return (
    <aside aria-label="Where to get help" className="max-w-prose rounded-md border border-line bg-surface p-4 text-sm text-ink">
      <p>
        <strong className="font-semibold">Where to get help: </strong>
        {practice.advice}
      </p>
      <p className="mt-1">
        What good looks like:{" "}
        <a
          href={practice.reference.href}
          target="_blank"
          rel="noopener noreferrer"
          className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
        >
          {practice.reference.title}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
    </aside>
  );
}
