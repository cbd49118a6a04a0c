import type { Metadata } from "next";
import { Logo } from "@/components/shell/logo";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-16">
      <div className="w-full max-w-md rounded-lg border border-line bg-surface p-8 text-center shadow-sm">
        <Logo className="mx-auto size-12" />
        <p className="mt-6 text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">Page not found</h1>
        <p className="mt-2 text-sm text-ink-muted">We couldn’t find that page. It may have been moved, or the link may be out of date.</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <ButtonLink href="/services">Go to services</ButtonLink>
          <ButtonLink href="/reviews" variant="secondary">
            Open reviews
          </ButtonLink>
        </div>
      </div>
    </main>
  );
}
