import { describe, expect, it } from "vitest";
import { compatProblems, COMPAT_BASELINE, migrationsAfterBaseline, splitStatements } from "@/lib/db/migration-compat";
import { readMigrations } from "@/lib/db/migrations";

const rulesBroken = (sql: string) => compatProblems("9999_test", sql).map((p) => p.rule);

describe("backward-compatible migrations", () => {
  it("every migration after the baseline only adds", () => {
    const all = readMigrations();
    expect(all.map((m) => m.name)).toContain(COMPAT_BASELINE);
    const problems = migrationsAfterBaseline(all).flatMap((m) => compatProblems(m.name, m.sql));
    expect(problems).toEqual([]);
  });

  it("would have caught the baseline's own tightening of api_tokens", () => {
    const baseline = readMigrations().find((m) => m.name === COMPAT_BASELINE);
    expect(compatProblems(COMPAT_BASELINE, baseline?.sql ?? "").map((p) => p.rule)).toEqual([
      "drops something the previous release may use (DROP)",
      "makes a column NOT NULL without a default (SET NOT NULL)",
    ]);
  });

  it.each([
    ["CREATE TABLE widgets (id uuid PRIMARY KEY, name text NOT NULL)", []],
    ["ALTER TABLE services ADD COLUMN notes text", []],
    ["ALTER TABLE services ADD COLUMN weight integer NOT NULL DEFAULT 0", []],
    ["CREATE INDEX services_name_idx ON services (name)", []],
    [`ALTER TYPE "Role" ADD VALUE 'AUDITOR'`, []],
    ["CREATE TABLE t (id int); ALTER TABLE t ADD CONSTRAINT t_u UNIQUE (id); CREATE UNIQUE INDEX t_i ON t (id)", []],
    ["CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'DROP and DELETE refused'; END $$ LANGUAGE plpgsql", []],
    ["COMMENT ON TABLE services IS 'never DROP this'", []],
    ["DROP TABLE services", ["drops something the previous release may use (DROP)"]],
    ["ALTER TABLE services DROP COLUMN notes", ["drops something the previous release may use (DROP)"]],
    ["ALTER TABLE services RENAME COLUMN notes TO remarks", ["renames something the previous release uses (RENAME)"]],
    ["ALTER TABLE services ALTER COLUMN tier TYPE bigint", ["changes a column's type (ALTER COLUMN … TYPE)"]],
    ["ALTER TABLE services ALTER COLUMN tier SET DATA TYPE bigint", ["changes a column's type (ALTER COLUMN … TYPE)"]],
    ["ALTER TABLE services ALTER COLUMN notes SET NOT NULL", ["makes a column NOT NULL without a default (SET NOT NULL)"]],
    ["ALTER TABLE services ALTER COLUMN notes SET DEFAULT '', ALTER COLUMN notes SET NOT NULL", []],
    [
      "ALTER TABLE services ADD COLUMN owner text NOT NULL",
      ["adds a NOT NULL column without a default (the previous release's inserts would fail)"],
    ],
    [
      "ALTER TABLE services ADD COLUMN a text, ADD COLUMN b text NOT NULL",
      ["adds a NOT NULL column without a default (the previous release's inserts would fail)"],
    ],
    [
      "ALTER TABLE services ADD CONSTRAINT services_name_key UNIQUE (name)",
      ["adds a constraint the previous release's writes may break (UNIQUE, CHECK, PRIMARY KEY, EXCLUDE)"],
    ],
    [
      "CREATE UNIQUE INDEX services_name_key ON services (name)",
      ["adds a constraint the previous release's writes may break (UNIQUE, CHECK, PRIMARY KEY, EXCLUDE)"],
    ],
    ["TRUNCATE sessions", ["deletes data (TRUNCATE or DELETE)"]],
    ["DELETE FROM rate_limits", ["deletes data (TRUNCATE or DELETE)"]],
  ])("%s", (sql, rules) => expect(rulesBroken(sql)).toEqual(rules));

  it("accepts a breaking statement only with a reviewed marker on the line before it", () => {
    expect(rulesBroken("-- compat-reviewed: nothing reads notes since 0.3\nALTER TABLE services DROP COLUMN notes;")).toEqual([]);
    expect(rulesBroken("-- compat-reviewed:\nALTER TABLE services DROP COLUMN notes;")).toHaveLength(1);
    expect(rulesBroken("-- compat-reviewed: only the first\nSELECT 1;\nALTER TABLE services DROP COLUMN notes;")).toHaveLength(1);
  });

  it("splits statements without breaking quoted semicolons or dollar-quoted bodies", () => {
    expect(splitStatements("SELECT 'a;b'; CREATE FUNCTION f() AS $x$ a; b $x$; SELECT \"x;y\"").map((s) => s.sql)).toEqual([
      "SELECT  '…'",
      "CREATE FUNCTION f() AS  '…'",
      'SELECT "x;y"',
    ]);
  });
});
