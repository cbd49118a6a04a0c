import path from "node:path";
import { localSecret } from "./local-secrets";
import { runtimeUrlFor } from "./runtime-role";

// Where `npm run demo` keeps its embedded PostgreSQL, and the role the app signs in as there. The backup and
// restore commands use the same when no database URL is configured.

export const DEMO_DATABASE = "shipshape";
export const DEMO_DB_PORT = 54329;

export function demoDataDir(): string {
  return path.resolve(process.env.SHIPSHAPE_DATA_DIR ?? ".data");
}

export const demoPostgresDir = (dataDir = demoDataDir()) => path.join(dataDir, "postgres");

/** The embedded server's superuser owns the tables; the app signs in as a role that cannot rewrite the audit log. */
export function demoRuntimeUrl(ownerUrl: string, dataDir = demoDataDir()): string {
  return runtimeUrlFor(ownerUrl, "shipshape_app", localSecret(dataDir, "app-db-password", 24));
}
