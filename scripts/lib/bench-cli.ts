// What every bench script does first and last: read its command-line options, open its database pool, and
// turn the outcome into an exit code (0 every target holds, 1 one does not or the run failed, 2 bad setup).
import { parseArgs } from "node:util";
import { createPool } from "@/lib/db/pool";
import { BenchError } from "./bench-server";

type Parsed<N extends string, S extends string> = { [K in N]: number } & { [K in S]: string };

/** `--name value` options with their defaults; the numeric ones must be whole numbers of at least 0. */
export function benchOptions<N extends string, S extends string = never>(
  numbers: Record<N, number>,
  strings: Record<S, string> = {} as Record<S, string>,
): Parsed<N, S> {
  const defaults: Record<string, string | number> = { ...numbers, ...strings };
  const { values } = parseArgs({
    options: Object.fromEntries(
      Object.entries(defaults).map(([name, value]) => [name, { type: "string" as const, default: String(value) }]),
    ),
  });
  const parsed: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "string") continue;
    if (!(name in numbers)) {
      parsed[name] = value;
      continue;
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new BenchError(`--${name} must be a whole number, got "${value}"`);
    parsed[name] = n;
  }
  return parsed as Parsed<N, S>;
}

/** DATABASE_URL and a small pool on it; `missing` tells what kind of database to point it at. */
export function benchDatabase(missing: string, statementTimeoutMs = 60_000) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new BenchError(`DATABASE_URL is not set: point it at ${missing}.`);
  return { url, pool: createPool({ connectionString: url, max: 2, statementTimeoutMs, applicationName: "shipshape-bench" }) };
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs a bench's main and exits with its code; a BenchError is bad setup (2), anything else a failed run (1). */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(errorText(error));
      process.exit(error instanceof BenchError ? 2 : 1);
    },
  );
}
