import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { headingAnchors } from "@/lib/docs/heading-slug";

// The alerting rules are code: promtool checks their syntax and runs their unit tests (shipshape-rules.test.yml),
// and every alert's runbook link must reach a heading that exists.

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, "../..");
const RULES = path.join(here, "shipshape-rules.yml");
const TESTS = path.join(here, "shipshape-rules.test.yml");

function promtool(...args: string[]) {
  const result = spawnSync("promtool", args, { encoding: "utf8", cwd: here });
  if (result.error) {
    throw new Error(`promtool is needed for these tests (Debian: apt-get install prometheus): ${result.error.message}`);
  }
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("Prometheus rules", () => {
  it("pass promtool check rules", () => {
    const { code, output } = promtool("check", "rules", RULES);
    expect(output).toContain("SUCCESS");
    expect(code, output).toBe(0);
  });

  // promtool evaluates every rule at every minute of each test's hours of series.
  it("pass their promtool unit tests", { timeout: 60_000 }, () => {
    const { code, output } = promtool("test", "rules", TESTS);
    expect(code, output).toBe(0);
  });

  it("fail promtool when an alert misbehaves, so the unit tests can fail", { timeout: 60_000 }, () => {
    // The same tests against rules that no longer count any 5xx as an error.
    const broken = readFileSync(RULES, "utf8").replaceAll('status=~"5.."', 'status=~"6.."');
    const dir = path.join(root, ".data");
    const file = path.join(dir, `broken-rules-${process.pid}.yml`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, broken);
    const testFile = path.join(dir, `broken-rules-${process.pid}.test.yml`);
    writeFileSync(testFile, readFileSync(TESTS, "utf8").replace("  - shipshape-rules.yml", `  - ${file}`));
    try {
      const { code, output } = promtool("test", "rules", testFile);
      expect(code).not.toBe(0);
      expect(output).toContain("ShipshapeAvailabilityBudgetBurnFast");
    } finally {
      rmSync(file, { force: true });
      rmSync(testFile, { force: true });
    }
  });

  it("link every alert to a runbook heading that exists", () => {
    const links = [...readFileSync(RULES, "utf8").matchAll(/runbook: (\S+)#(\S+)/g)].map((m) => ({ file: m[1] ?? "", anchor: m[2] ?? "" }));
    expect(links.length).toBeGreaterThanOrEqual(9);
    for (const { file, anchor } of links) {
      expect(headingAnchors(readFileSync(path.join(root, file), "utf8")), `${file}#${anchor}`).toContain(anchor);
    }
  });
});
