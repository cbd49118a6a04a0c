// `npm run bench:review`: a person's cost of a complete tier-1 review, measured in Chromium against the production
// build on a database of its own. Twice: from scratch (every item answered on the all-concerns page, by keyboard), and
// from the previous decided review with nothing changed (carry forward, confirm all, submit). Prints interactions
// (clicks, key presses, selections), page loads, wall time and the answer saves' p95 as the browser timed them,
// each next to its target. Exit 0 when every target holds, 1 when one does not, 2 on bad setup.
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "@playwright/test";
import { Pool } from "pg";
import { createTeam, createUser, type TestUser } from "../e2e/support/db";
import { startPrivateServer, stopPrivateServer, type PrivateServer } from "../e2e/support/private-server";
import { ensureBuild } from "./lib/bench-server";
import { bin, run } from "./lib/run";
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium } from "./lib/chromium";
import { summarize } from "./lib/bench-stats";

const TARGETS = { scratchInteractions: 70, scratchPageLoads: 8, previousInteractions: 15, saveP95Ms: 150 };
const SAVE_MEASURE = "shipshape:answer-save";

type RunFigures = { interactions: number; pageLoads: number; routeChanges: number; wallMs: number; saves: number[]; reviewId: string };

class SetupError extends Error {}

/** One person's tab: every click, key press and selection goes through it and is counted, as are document loads. */
class Session {
  interactions = 0;
  pageLoads = 0;
  routeChanges = 0;
  readonly saves: number[] = [];
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, baseUrl: string, user: TestUser): Promise<Session> {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const session = new Session(page);
    await page.exposeFunction("__benchSave", (ms: number) => session.saves.push(ms));
    await page.addInitScript((name) => {
      const report = (window as unknown as { __benchSave: (ms: number) => void }).__benchSave;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name === name) void report(entry.duration);
      }).observe({ type: "measure" });
    }, SAVE_MEASURE);
    page.on("load", () => (session.pageLoads += 1));
    // A page change is a new path; Next also rewrites history on refreshes and hashes, which are not.
    let path = "";
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const next = new URL(frame.url()).pathname;
      if (next !== path) session.routeChanges += 1;
      path = next;
    });
    // Signing in is the same for any way of working through a review: not counted.
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("/services")}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    session.reset();
    return session;
  }

  reset(): void {
    this.interactions = 0;
    this.pageLoads = 0;
    this.routeChanges = 0;
    this.saves.length = 0;
  }

  async click(locator: ReturnType<Page["locator"]>): Promise<void> {
    this.interactions += 1;
    await locator.click();
  }

  async press(key: string): Promise<void> {
    this.interactions += 1;
    await this.page.keyboard.press(key);
  }

  async select(locator: ReturnType<Page["locator"]>, value: string): Promise<void> {
    this.interactions += 1;
    await locator.selectOption(value);
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

async function startReview(s: Session, serviceSlug: string): Promise<string> {
  const { page } = s;
  await page.goto(`/services/${serviceSlug}`);
  await s.click(page.getByRole("link", { name: "Start a review" }).first());
  await s.select(page.getByLabel("What triggered this review?"), "QUARTERLY");
  await s.click(page.getByRole("button", { name: "Start review" }));
  await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop() as string;
}

async function submit(s: Session): Promise<void> {
  const { page } = s;
  await s.click(page.getByLabel(/I sign these answers as the service owner/));
  await s.click(page.getByRole("button", { name: "Sign and submit for decision" }));
  await page.getByRole("button", { name: "Reopen as draft" }).waitFor();
}

/** The focused card's save has landed (its status says so). */
async function savedIn(page: Page, itemKey: string): Promise<void> {
  await page
    .locator(`[data-item-card="${itemKey}"] [role=status]`)
    .filter({ hasText: /^Saved/ })
    .first()
    .waitFor();
}

async function focusedItemKey(page: Page): Promise<string | null> {
  return page.evaluate(
    () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-item-card]")?.dataset.itemCard ?? null,
  );
}

/** Every item met, the way a keyboard user goes: the first by click, then "1" on each focused card. */
async function fromScratch(s: Session, serviceSlug: string): Promise<RunFigures> {
  const { page } = s;
  const started = performance.now();
  const reviewId = await startReview(s, serviceSlug);
  await s.click(page.getByRole("link", { name: "Answer every concern on one page" }));
  await page.waitForURL(/\/answer$/);
  const first = page.locator("[data-item-card]").first();
  const firstKey = (await first.getAttribute("data-item-card")) as string;
  await s.click(first.getByRole("radio", { name: "Met", exact: true }));
  await savedIn(page, firstKey);
  await s.press("j");
  for (;;) {
    const key = await focusedItemKey(page);
    if (!key) throw new SetupError(`No item card has focus on ${page.url()}`);
    const cards = page.locator("[data-item-card]");
    const isLastOnPage = (await cards.last().getAttribute("data-item-card")) === key;
    await s.press("1");
    await savedIn(page, key);
    if (isLastOnPage) break;
  }
  await s.click(page.getByRole("link", { name: /back to the overview/i }));
  await page.waitForURL(new RegExp(`/reviews/${reviewId}$`));
  await submit(s);
  return { ...counts(s), wallMs: performance.now() - started, reviewId };
}

/** The last review still holds: carry it forward, confirm every carried answer at once, submit. */
async function fromPrevious(s: Session, serviceSlug: string): Promise<RunFigures> {
  const { page } = s;
  const started = performance.now();
  const reviewId = await startReview(s, serviceSlug);
  await s.click(page.getByRole("button", { name: /^Confirm all \d+ carried answers?$/ }));
  await page.getByText(/^Confirmed \d+ carried answers?\.$/).waitFor();
  await submit(s);
  return { ...counts(s), wallMs: performance.now() - started, reviewId };
}

function counts(s: Session) {
  return { interactions: s.interactions, pageLoads: s.pageLoads, routeChanges: s.routeChanges, saves: [...s.saves] };
}

/** An approver of another team records the computed verdict, so the next review can start from this one. */
async function decide(browser: Browser, baseUrl: string, approver: TestUser, reviewId: string): Promise<void> {
  const s = await Session.open(browser, baseUrl, approver);
  await s.page.goto(`/reviews/${reviewId}`);
  await s.page.getByLabel("Go", { exact: true }).check();
  await s.page.getByRole("button", { name: "Record decision" }).click();
  await s.page
    .getByText(/decided|decision recorded/i)
    .first()
    .waitFor();
  await s.close();
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { headed: { type: "boolean", default: false } } });
  const executablePath = findChromium();
  if (!executablePath) throw new SetupError(CHROMIUM_HELP);
  await ensureBuild({ ...process.env, NODE_ENV: "production" });

  let server: PrivateServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startPrivateServer("bench-review", { LOG_LEVEL: "warn" });
    // The migration command also installs the default checklist template, as on a real install.
    const migrated = await run(bin("tsx"), ["scripts/migrate.ts"], { ...process.env, DATABASE_URL: server.database.url });
    if (migrated !== 0) throw new SetupError(`scripts/migrate.ts failed (exit ${migrated})`);
    const pool = new Pool({ connectionString: server.database.url, max: 2 });
    const owners = await createTeam("Payments", pool);
    const platform = await createTeam("Platform", pool);
    const editor = await createUser("EDITOR", [owners], pool);
    const approver = await createUser("APPROVER", [platform], pool);
    await pool.query("INSERT INTO services (slug, name, team_id, tier, lifecycle) VALUES ('checkout', 'Checkout', $1, 1, 'PRODUCTION')", [
      owners.id,
    ]);
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM checklist_items i JOIN checklist_templates t ON t.id = i.template_id WHERE 1 = ANY(i.tiers) AND t.version = (SELECT max(version) FROM checklist_templates)",
    );
    await pool.end();

    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: !values.headed });
    const editorTab = await Session.open(browser, server.baseURL, editor);
    const scratch = await fromScratch(editorTab, "checkout").catch(async (error: unknown) => {
      // Where the run stopped, so a changed page is easy to see.
      const text = await editorTab.page
        .locator("main")
        .innerText()
        .catch(() => "");
      console.error(`Stopped on ${editorTab.page.url()}:\n${text.slice(0, 1500)}`);
      throw error;
    });
    await decide(browser, server.baseURL, approver, scratch.reviewId);
    editorTab.reset();
    const previous = await fromPrevious(editorTab, "checkout");
    await editorTab.close();

    const saves = [...scratch.saves, ...previous.saves];
    const p95 = summarize(saves).p95;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    // [figure, shown value, measured number, limit]; a null limit is reported without a target.
    const rowsOut: [string, string, number, number | null][] = [
      ["from scratch: interactions", String(scratch.interactions), scratch.interactions, TARGETS.scratchInteractions],
      // A page reached in the app (a client-side route change) counts as a page load as much as a document load does.
      [
        "from scratch: page loads (documents + in-app page changes)",
        `${scratch.pageLoads + scratch.routeChanges} (${scratch.pageLoads} + ${scratch.routeChanges})`,
        scratch.pageLoads + scratch.routeChanges,
        TARGETS.scratchPageLoads,
      ],
      ["from scratch: wall time", seconds(scratch.wallMs), scratch.wallMs, null],
      ["from the previous review: interactions", String(previous.interactions), previous.interactions, TARGETS.previousInteractions],
      [
        "from the previous review: page loads (documents + in-app page changes)",
        `${previous.pageLoads + previous.routeChanges} (${previous.pageLoads} + ${previous.routeChanges})`,
        previous.pageLoads + previous.routeChanges,
        null,
      ],
      ["from the previous review: wall time", seconds(previous.wallMs), previous.wallMs, null],
      [`answer saves p95 (${saves.length} saves, browser-timed)`, `${p95.toFixed(0)} ms`, p95, TARGETS.saveP95Ms],
    ];
    const unit = (label: string) => (label.startsWith("answer saves") ? " ms" : "");
    console.log(
      [
        `Tier-1 review of ${rows[0]?.n ?? "?"} items, production build, Chromium ${browser.version()}, sign-in not counted`,
        "",
        "| Figure | Measured | Target | Result |",
        "| --- | --: | --- | --- |",
        ...rowsOut.map(([label, shown, value, limit]) =>
          limit === null
            ? `| ${label} | ${shown} | — | |`
            : `| ${label} | ${shown} | ≤ ${limit}${unit(label)} | ${value <= limit ? "✅ pass" : "❌ miss"} |`,
        ),
      ].join("\n"),
    );
    const ok = rowsOut.every(([, , value, limit]) => limit === null || value <= limit);
    return ok ? 0 : 1;
  } finally {
    await browser?.close();
    await stopPrivateServer(server);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(error instanceof SetupError ? 2 : 1);
  },
);
