// Migrations stay backward-compatible for one release: the previous release must keep working against the
// migrated schema, so a rollback is only a redeploy (docs/releases.md). Every migration after the baseline may
// only add — tables, nullable columns or columns with a default, indexes, enum values, functions — never drop,
// rename, retype or tighten what the previous release reads and writes. Tables a migration creates itself are
// its own to shape. A statement that must break the rule anyway (in the contract step of an expand-and-contract
// change, a release after nothing uses the old shape) carries the reviewed marker on the line before it:
//   -- compat-reviewed: <why the previous release no longer needs it>

/** The last migration of the release before this rule: what was shipped before it is not checked. */
export const COMPAT_BASELINE = "0003_sessions_tokens_limits";

export const REVIEWED_MARKER = /^\s*--\s*compat-reviewed:\s*\S/;

export type Statement = { sql: string; reviewed: boolean };
export type CompatProblem = { migration: string; statement: string; rule: string };

/** Splits SQL into statements, respecting quotes, dollar-quoted bodies and comments. */
export function splitStatements(sql: string): Statement[] {
  const statements: Statement[] = [];
  let current = "";
  let reviewed = false;
  let i = 0;
  const push = () => {
    if (current.trim()) statements.push({ sql: current.trim(), reviewed });
    current = "";
    reviewed = false;
  };
  while (i < sql.length) {
    const rest = sql.slice(i);
    if (rest.startsWith("--")) {
      const end = rest.indexOf("\n");
      const comment = end < 0 ? rest : rest.slice(0, end);
      if (REVIEWED_MARKER.test(comment) && !current.trim()) reviewed = true;
      i += comment.length;
      continue;
    }
    if (rest.startsWith("/*")) {
      const end = rest.indexOf("*/");
      i += end < 0 ? rest.length : end + 2;
      continue;
    }
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    const quote = rest[0] === "'" || rest[0] === '"' ? rest[0] : null;
    if (dollar || quote) {
      const delimiter = dollar ? dollar[0] : (quote as string);
      const end = rest.indexOf(delimiter, delimiter.length);
      const length = end < 0 ? rest.length : end + delimiter.length;
      // Literals and bodies are kept as placeholders: their words are data, not DDL.
      current += quote === '"' ? rest.slice(0, length) : " '…' ";
      i += length;
      continue;
    }
    if (rest[0] === ";") {
      push();
      i += 1;
      continue;
    }
    current += rest[0];
    i += 1;
  }
  push();
  return statements;
}

const identifier = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)(?:\.(?:"[^"]+"|[A-Za-z_][\w$]*))?`;
const unquote = (name: string) =>
  name
    .replace(/"/g, "")
    .replace(/^public\./, "")
    .toLowerCase();

type Rule = { rule: string; test: (sql: string) => boolean };

const RULES: Rule[] = [
  { rule: "drops something the previous release may use (DROP)", test: (s) => /\bDROP\b/i.test(s) },
  { rule: "renames something the previous release uses (RENAME)", test: (s) => /\bRENAME\b/i.test(s) },
  { rule: "changes a column's type (ALTER COLUMN … TYPE)", test: (s) => /\bALTER\s+(?:COLUMN\s+)?\S+\s+(?:SET\s+DATA\s+)?TYPE\b/i.test(s) },
  {
    rule: "makes a column NOT NULL without a default (SET NOT NULL)",
    test: (s) => /\bSET\s+NOT\s+NULL\b/i.test(s) && !/\bSET\s+DEFAULT\b/i.test(s),
  },
  {
    rule: "adds a NOT NULL column without a default (the previous release's inserts would fail)",
    test: (s) =>
      s
        .split(/\bADD\s+(?:COLUMN\s+)?/i)
        .slice(1)
        .some((column) => {
          const definition = column.split(/,\s*(?:ADD|ALTER|DROP)\b/i)[0] ?? "";
          return (
            /\bNOT\s+NULL\b/i.test(definition) && !/\b(?:DEFAULT|GENERATED)\b/i.test(definition) && !/^\s*CONSTRAINT\b/i.test(definition)
          );
        }),
  },
  {
    rule: "adds a constraint the previous release's writes may break (UNIQUE, CHECK, PRIMARY KEY, EXCLUDE)",
    test: (s) =>
      /\bADD\s+(?:CONSTRAINT\s+\S+\s+)?(?:UNIQUE|CHECK|PRIMARY\s+KEY|EXCLUDE)\b/i.test(s) || /\bCREATE\s+UNIQUE\s+INDEX\b/i.test(s),
  },
  { rule: "deletes data (TRUNCATE or DELETE)", test: (s) => /\b(?:TRUNCATE|DELETE\s+FROM)\b/i.test(s) },
];

/** The table a statement alters or indexes, if any. */
function targetTable(sql: string): string | null {
  const alter = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${identifier})`, "i").exec(sql);
  if (alter?.[1]) return unquote(alter[1]);
  const index = new RegExp(String.raw`^CREATE\s+UNIQUE\s+INDEX\b.*?\bON\s+(?:ONLY\s+)?(${identifier})`, "is").exec(sql);
  return index?.[1] ? unquote(index[1]) : null;
}

/** What in one migration would break the previous release. */
export function compatProblems(migration: string, sql: string): CompatProblem[] {
  const statements = splitStatements(sql);
  const created = new Set(
    statements.flatMap((s) => {
      const match = new RegExp(String.raw`^CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${identifier})`, "i").exec(s.sql);
      return match?.[1] ? [unquote(match[1])] : [];
    }),
  );
  return statements.flatMap((statement) => {
    if (statement.reviewed) return [];
    const table = targetTable(statement.sql);
    if (table && created.has(table)) return [];
    const firstLine = statement.sql.replace(/\s+/g, " ").slice(0, 160);
    return RULES.filter((r) => r.test(statement.sql)).map((r) => ({ migration, statement: firstLine, rule: r.rule }));
  });
}

/** The migrations the rule applies to: every one named after the baseline. */
export function migrationsAfterBaseline<T extends { name: string }>(migrations: T[], baseline = COMPAT_BASELINE): T[] {
  return migrations.filter((m) => m.name > baseline);
}
