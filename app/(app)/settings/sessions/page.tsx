import type { Metadata } from "next";
import { EndSessionsButton } from "@/components/settings/end-sessions-button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { sessionPolicy } from "@/lib/session/options";
import { requireViewer } from "@/lib/session/viewer";

export const metadata: Metadata = { title: "Sessions" };

function duration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

export default async function SessionsPage() {
  const viewer = await requireViewer("/settings/sessions");
  const policy = sessionPolicy();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Sessions"
        description={`You stay signed in for at most ${duration(policy.maxAgeSeconds)} after signing in, and are signed out after ${duration(policy.idleSeconds)} without using Shipshape. Signing out ends your sessions in every browser.`}
      />
      <Card>
        <CardHeader>
          <CardTitle>Sign out everywhere</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-ink-muted">
            Lost a laptop, or signed in on a shared computer? This ends every session of your account at once, including this one. Your API
            tokens keep working; revoke them under API tokens.
          </p>
          <EndSessionsButton userId={viewer.id} whose="your" />
        </CardContent>
      </Card>
    </div>
  );
}
