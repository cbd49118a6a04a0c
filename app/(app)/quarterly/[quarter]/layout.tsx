import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { parseQuarterParam } from "@/lib/schemas/quarterly";

// The quarter is checked here, above this segment's loading skeleton: a page that has already streamed its
// skeleton can no longer answer 404, so "/quarterly/2026-Q5" would otherwise be a 200 saying "not found".
export default async function QuarterLayout({ children, params }: { children: ReactNode; params: Promise<{ quarter: string }> }) {
  if (!parseQuarterParam((await params).quarter)) notFound();
  return children;
}
