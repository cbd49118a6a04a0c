// The bench's figures as one Markdown document, ready to paste into the README.
import { isoDay } from "@/lib/domain/days";
import type { SaveResult } from "./bench-save";
import { ms, type Summary } from "./bench-stats";

export type PageFigure = { label: string; path: string; floor: Summary | null; server: Summary | null; error?: string };
export type SaveFigure = {
  result: SaveResult | null;
  stored: number | null;
  error?: string;
  rate: number;
  connections: number;
  durationS: number;
};
export type BenchReport = {
  when: Date;
  environment: string;
  dataset: string;
  warm: number;
  runs: number;
  pages: PageFigure[];
  save: SaveFigure;
};

export const PAGE_BUDGET_MS = 300;
export const SAVE_P99_BUDGET_MS = 200;

/** p95 within 300 ms, and within max(3 × floor, floor + 60 ms): the app may add little to its own queries. */
export function pageVerdict(page: PageFigure): { pass: boolean; allowed: number } {
  if (!page.server || !page.floor) return { pass: false, allowed: Number.NaN };
  const allowed = Math.min(PAGE_BUDGET_MS, Math.max(3 * page.floor.p95, page.floor.p95 + 60));
  return { pass: page.server.p95 <= allowed, allowed };
}

export function saveVerdict(save: SaveFigure): boolean {
  const r = save.result;
  return r !== null && r.p99 <= SAVE_P99_BUDGET_MS && r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r.requests > 0;
}

const mark = (pass: boolean) => (pass ? "✅ pass" : "❌ fail");
/** Error text inside a table cell: one line, no column separators. */
const cell = (text: string) => text.replace(/\s+/g, " ").replace(/\|/g, "/").slice(0, 160);

export function renderReport(report: BenchReport): string {
  const lines = [
    `## Performance (${isoDay(report.when)})`,
    "",
    `Dataset: ${report.dataset}. ${report.environment}.`,
    `Pages: ${report.runs} sequential signed-in requests after ${report.warm} warm-up ones, full body read.`,
    "Floor: the page's own SQL run directly against Postgres with pg (lib/db/bench-floor.ts), queries the page starts together run together; same counts.",
    "",
    "| Page | Server p50 | Server p95 | Floor p50 | Floor p95 | p95 ratio | Allowed p95 | Result |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const page of report.pages) {
    const v = pageVerdict(page);
    const ratio = page.server && page.floor ? `${(page.server.p95 / page.floor.p95).toFixed(1)}×` : "–";
    const result = page.error ? `❌ ${cell(page.error)}` : mark(v.pass);
    lines.push(
      `| ${page.label} \`${page.path}\` | ${ms(page.server?.p50 ?? Number.NaN)} | ${ms(page.server?.p95 ?? Number.NaN)} | ` +
        `${ms(page.floor?.p50 ?? Number.NaN)} | ${ms(page.floor?.p95 ?? Number.NaN)} | ${ratio} | ${ms(v.allowed)} | ${result} |`,
    );
  }
  const s = report.save;
  lines.push(
    "",
    `Answer save: \`PUT /api/v1/reviews/{id}/answers/{itemKey}\` (create, \`If-None-Match: *\`), autocannon at ${s.rate} req/s ` +
      `over ${s.connections} connections for ${s.durationS} s, each request a different unanswered item.`,
    "",
    "| Measure | p50 | p99 | max | Requests | 2xx | Non-2xx | Errors | Stored | Target | Result |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  );
  if (s.result) {
    const r = s.result;
    const codes = Object.entries(r.statusCodes)
      .map(([code, n]) => `${code}×${n}`)
      .join(", ");
    lines.push(
      `| Answer save | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.requests} | ${r.ok} | ${r.non2xx}${codes ? ` (${codes})` : ""} | ` +
        `${r.errors + r.timeouts} | ${s.stored ?? "–"} | p99 ≤ ${SAVE_P99_BUDGET_MS} ms, no errors | ${mark(saveVerdict(s))} |`,
    );
  } else {
    lines.push(
      `| Answer save | – | – | – | – | – | – | – | – | p99 ≤ ${SAVE_P99_BUDGET_MS} ms, no errors | ❌ ${cell(s.error ?? "not run")} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
