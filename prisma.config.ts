import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// Prisma 7 no longer reads .env by itself.
if (existsSync(".env")) process.loadEnvFile(".env");

// Only `generate` and `validate` are used; migrations are plain SQL applied by scripts/migrate.ts.
// The schema engine binary cannot be downloaded here, and these commands never run it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
