import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { TierTargetsForm } from "@/components/admin/tier-targets-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { getTierTargetsSetting } from "@/lib/db/settings";
import { TIERS } from "@/lib/domain/types";
import { TIER_TARGET_FIELDS } from "@/lib/schemas/admin";
import { formatDateTime } from "@/lib/format/dates";
import { ADMIN_SETTINGS_PATH } from "@/lib/routes";

export const metadata: Metadata = { title: "Tier targets · Admin" };

export default async function AdminSettingsPage() {
  const viewer = await requireViewer(ADMIN_SETTINGS_PATH);
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const setting = await getTierTargetsSetting(viewer);
  const initialValues = Object.fromEntries(TIERS.map((tier) => [TIER_TARGET_FIELDS[tier], String(setting.targets[tier])]));

  return (
    <>
      <AdminPageHeader
        title="Tier targets"
        description="The maturity level a service must reach depends on its tier: the more critical the service, the higher the target."
      />
      <div className="space-y-6">
        <Alert tone="info" role={undefined} title="What a change affects">
          <p>
            Saving changes the target straight away for every open review (draft or submitted) and wherever a service&apos;s target is
            shown: the services list, service pages and the portfolio. Decided reviews keep the target frozen in their decision snapshot, so
            past verdicts never change.
          </p>
        </Alert>
        {setting.source === "invalid" ? (
          <Alert tone="warning" role={undefined} title="The stored tier targets are not valid">
            <p>Shipshape is using the defaults shown below until an admin saves a valid mapping.</p>
          </Alert>
        ) : null}
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Target level per tier</CardTitle>
              <CardDescription>
                {setting.source === "saved" && setting.updatedAt
                  ? `Last saved ${formatDateTime(setting.updatedAt)}.`
                  : "Never changed: these are Shipshape's defaults (tier 1 L3 Resilient, tier 2 L2 Stable, tier 3 L1 MVP)."}
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <TierTargetsForm initialValues={initialValues} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
