// `npm run db:seed:demo`: loads the demo portfolio into DATABASE_URL (never run it against real data).
import { closeDb } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";

async function main() {
  const password = process.env.SHIPSHAPE_DEMO_PASSWORD;
  if (!password) {
    console.error("Set SHIPSHAPE_DEMO_PASSWORD: the demo accounts' password.");
    process.exit(2);
  }
  // Where the demo will be served: Shipshape's own review links to its docs pages there.
  const baseUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const result = await seedDemo({ password, baseUrl });
  console.log(
    result.created
      ? `Loaded ${result.services} services and ${result.reviews} reviews.`
      : "Demo data already present; passwords refreshed.",
  );
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
