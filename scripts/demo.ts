// `npm run demo`: Shipshape on an embedded PostgreSQL with a demo portfolio, served from the production
// build. Data lives in .data/ (git-ignored) and survives restarts. Ctrl-C stops the app and the database.
import { closeDb } from "@/lib/db/client";
import { setUpDatabase } from "@/lib/db/setup";
import { installDefaultTemplate } from "@/lib/db/templates";
import { seedDemo, DEMO_ACCOUNTS } from "@/prisma/seed/demo";
import { isBuildStale } from "./lib/build";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { DEMO_DATABASE, DEMO_DB_PORT, demoDataDir, demoPostgresDir, demoRuntimeUrl } from "./lib/demo-database";
import { localSecret } from "./lib/local-secrets";
import { bin, run, start, waitForUrl } from "./lib/run";

const DATA_DIR = demoDataDir();
const PORT = Number(process.env.PORT ?? 3000);

async function main() {
  console.log("Starting the embedded PostgreSQL…");
  const database = await startEmbeddedPostgres({
    dir: demoPostgresDir(DATA_DIR),
    port: Number(process.env.SHIPSHAPE_DEMO_DB_PORT ?? DEMO_DB_PORT),
    database: DEMO_DATABASE,
    persistent: true,
  });
  const app: { child?: ReturnType<typeof start> } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Shipshape…");
    const child = app.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await closeDb().catch(() => undefined);
    await database.stop();
    console.log("Stopped. Your demo data is kept in", DATA_DIR);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const runtimeUrl = demoRuntimeUrl(database.url, DATA_DIR);
  const demoPassword = process.env.SHIPSHAPE_DEMO_PASSWORD || localSecret(DATA_DIR, "demo-password", 14, "abcdefghjkmnpqrstuvwxyz23456789");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    DATABASE_URL: runtimeUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(DATA_DIR, "auth-secret", 48),
    SHIPSHAPE_DEMO_MODE: "true",
    // Ctrl-C reaches Postgres and the app together; the connection warnings that race produces are noise here.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  };
  process.env.DATABASE_URL = runtimeUrl;

  console.log("Applying migrations and loading the demo portfolio…");
  await setUpDatabase({ owner: database.url, runtime: runtimeUrl });
  await installDefaultTemplate();
  const seeded = await seedDemo({ password: demoPassword, baseUrl: env.NEXTAUTH_URL ?? `http://localhost:${PORT}` });
  console.log(seeded.created ? `Created ${seeded.services} demo services.` : "Demo portfolio already loaded; demo passwords refreshed.");
  await closeDb();

  if (isBuildStale() || process.env.SHIPSHAPE_REBUILD === "1") {
    console.log("Building the production bundle (a minute on a small machine)…");
    const code = await run(bin("next"), ["build"], env);
    if (code !== 0) return stop(code);
  }

  // In-process loader, not the tsx CLI: its signal relay would SIGKILL a server busy draining requests.
  app.child = start(process.execPath, ["--import", "tsx", "scripts/start.ts"], env);
  app.child.once("exit", (code) => {
    if (!stopping) void stop(code ?? 1);
  });
  if (!(await waitForUrl(`http://127.0.0.1:${PORT}/livez`, 60_000))) {
    console.error("Shipshape did not start within 60 s.");
    return stop(1);
  }
  const accounts = DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(34)} ${a.label}`).join("\n");
  console.log(`
  Shipshape is running at http://localhost:${PORT}

  Sign in with any demo account below and the password:  ${demoPassword}
${accounts}

  (Set SHIPSHAPE_DEMO_PASSWORD to choose the password.) Press Ctrl-C to stop.
`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
