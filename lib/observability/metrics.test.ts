import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("metrics registry", () => {
  it("reads the database pool at scrape time, and reads 0 before a pool exists", async () => {
    const m = metrics();
    delete m.poolStats.read;
    const before = await m.registry.metrics();
    expect(sample(before, 'shipshape_database_pool_connections{state="busy"}')).toBe(0);
    expect(sample(before, "shipshape_database_pool_max")).toBe(0);

    m.poolStats.read = () => ({ total: 7, idle: 3, waiting: 2, max: 10 });
    const after = await m.registry.metrics();
    expect(sample(after, 'shipshape_database_pool_connections{state="busy"}')).toBe(4);
    expect(sample(after, 'shipshape_database_pool_connections{state="idle"}')).toBe(3);
    expect(sample(after, "shipshape_database_pool_waiting")).toBe(2);
    expect(sample(after, "shipshape_database_pool_max")).toBe(10);
    delete m.poolStats.read;
  });

  it("exports no gauge whose name ends in _total (promtool check metrics refuses them)", async () => {
    const text = await metrics().registry.metrics();
    const gauges = [...text.matchAll(/^# TYPE (\S+) gauge$/gm)].map((match) => match[1]);
    expect(gauges.length).toBeGreaterThan(10);
    expect(gauges.filter((name) => name?.endsWith("_total"))).toEqual([]);
  });
});
