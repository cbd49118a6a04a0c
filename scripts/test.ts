// `npm test`: the whole suite — unit, integration against a real Postgres, and Playwright end-to-end
// in Chromium against the production build. Uses DATABASE_URL when set; otherwise starts an embedded
// Postgres of its own and throws it away afterwards. Tests run as a runtime role, as the app does in
// production: MIGRATION_DATABASE_URL + DATABASE_URL when both are given, else the one URL is the owner and
// a runtime role of this database's own is created for the run.
import { rm } from "node:fs/promises";
import path from "node:path";
import { findChromium, CHROMIUM_HELP } from "./lib/chromium";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { runtimeUrlFor } from "./lib/runtime-role";
import { bin, run } from "./lib/run";

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(CHROMIUM_HELP);
    process.exit(1);
  }
  let embedded: EmbeddedDatabase | undefined;
  const embeddedDir = path.resolve(".data", `test-postgres-${process.pid}`);
  let ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!ownerUrl) {
    console.log("DATABASE_URL is not set: starting an embedded PostgreSQL for the tests…");
    embedded = await startEmbeddedPostgres({ dir: embeddedDir, database: "shipshape_test", persistent: false });
    ownerUrl = embedded.url;
  }
  const runtimeUrl = process.env.MIGRATION_DATABASE_URL && process.env.DATABASE_URL ? process.env.DATABASE_URL : runtimeUrlFor(ownerUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: runtimeUrl,
    MIGRATION_DATABASE_URL: ownerUrl,
    CHROMIUM_PATH: chromium,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const only = process.argv.slice(2);
  const wants = (stage: string) => only.length === 0 || only.includes(stage);
  let code = 0;
  try {
    const steps: [string, string, string[], boolean][] = [
      ["lint", bin("eslint"), [".", "--max-warnings", "0"], wants("lint")],
      ["format", bin("prettier"), ["--check", "."], wants("lint")],
      ["migrate", bin("tsx"), ["scripts/migrate.ts"], true],
      ["unit", bin("vitest"), ["run", "--project", "unit"], wants("unit")],
      ["integration", bin("vitest"), ["run", "--project", "integration"], wants("integration")],
      ["build", bin("next"), ["build"], wants("e2e")],
      ["e2e", bin("playwright"), ["test"], wants("e2e")],
    ];
    for (const [name, command, args, enabled] of steps) {
      if (!enabled) continue;
      console.log(`\n▶ ${name}`);
      code = await run(command, args, env);
      if (code !== 0) {
        console.error(`\n✖ ${name} failed (exit ${code})`);
        break;
      }
    }
  } finally {
    if (embedded) {
      await embedded.stop().catch(() => undefined);
      await rm(embeddedDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
  if (code === 0) console.log("\n✔ all test stages passed");
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
