import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { levelLabel } from "@/components/readiness/level-badge";
import { HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import type { TemplateVersion } from "@/lib/db/settings";
import { LEVELS } from "@/lib/domain/types";
import { formatDate } from "@/lib/format/dates";

export function TemplateVersionCard({ template, isLatest }: { template: TemplateVersion; isLatest: boolean }) {
  const perLevel = LEVELS.map((level) => ({ level, count: template.items.filter((item) => item.level === level).length }));
  const blockers = template.items.filter((item) => item.isBlocker);
  const headingId = `template-${template.id}`;
  return (
    <Card aria-labelledby={headingId} role="region">
      <CardHeader>
        <div>
          <CardTitle id={headingId}>
            {template.name}{" "}
            <span className="font-normal text-ink-muted">
              ({template.key}, version {template.version})
            </span>
          </CardTitle>
          <CardDescription>
            Installed {formatDate(template.createdAt)} · {template.items.length} items · used by {template.reviewCount}{" "}
            {template.reviewCount === 1 ? "review" : "reviews"}
          </CardDescription>
        </div>
        {isLatest ? <Badge tone="info">New reviews start on this version</Badge> : null}
      </CardHeader>
      <CardContent className="space-y-6">
        {template.description ? <p className="max-w-prose text-sm text-ink-muted">{template.description}</p> : null}
        <Table label={`Items per level in ${template.key} version ${template.version}`} wrapperClassName="max-w-md">
          <HeaderRow columns={["Level", { label: "Items", className: "text-right" }]} />
          <TBody>
            {perLevel.map(({ level, count }) => (
              <TR key={level}>
                <TH scope="row">{levelLabel(level)}</TH>
                <TD className="text-right tabular-nums">{count}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
        <div>
          <h3 className="text-sm font-semibold text-ink">Blockers ({blockers.length})</h3>
          <p className="mt-1 text-sm text-ink-muted">An unmet blocker forces a no-go whatever level the service reaches.</p>
          <ul className="mt-3 space-y-3">
            {blockers.map((item) => (
              <li key={item.key} className="rounded-md border border-line p-3 text-sm">
                <p className="font-medium text-ink">
                  {item.title} <span className="font-normal text-ink-muted">({levelLabel(item.level)})</span>
                </p>
                {item.blockerRule ? <p className="mt-1 text-ink-muted">{item.blockerRule}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      </CardContent>
    </Card>
  );
}
