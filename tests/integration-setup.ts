// Integration tests run against a real Postgres: DATABASE_URL as the app's runtime role, migrated and granted
// by MIGRATION_DATABASE_URL's owner role when given (npm test provides both).
import { databaseUrlsFromEnv, setUpDatabase } from "@/lib/db/setup";

export default async function setup() {
  const urls = databaseUrlsFromEnv();
  if (!urls) throw new Error("Integration tests need DATABASE_URL; run them through `npm test`, which provides a database.");
  await setUpDatabase(urls);
}
