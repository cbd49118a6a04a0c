import { describe, expect, it } from "vitest";
import {
  archiveVersionProblem,
  parseArchiveHeader,
  parseToolVersion,
  serverVersionOf,
  toolConnection,
  toolVersionProblem,
} from "./pg-tools";

const v = (major: number, text = `${major}.0`) => ({ major, text });

describe("parseToolVersion", () => {
  it.each([
    ["pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)", v(15, "15.20")],
    ["pg_restore (PostgreSQL) 18.4", v(18, "18.4")],
    ["psql (PostgreSQL) 17beta1", v(17, "17")],
    ["pg_dump (PostgreSQL) 9.6.24", v(9, "9.6")],
    ["something else", null],
  ])("%s", (output, expected) => expect(parseToolVersion(output)).toEqual(expected));
});

describe("serverVersionOf", () => {
  it.each([
    [150020, "15.20 (Debian 15.20-0+deb12u1)", v(15, "15.20")],
    [180004, "18.4", v(18, "18.4")],
    [150018, "15.18", v(15, "15.18")],
  ])("%i", (num, text, expected) => expect(serverVersionOf(num, text)).toEqual(expected));
});

describe("toolVersionProblem", () => {
  it.each([
    ["same major", v(15, "15.20"), v(15, "15.18"), false],
    ["newer client", v(18, "18.4"), v(15, "15.20"), false],
    ["older client", v(15, "15.20"), v(18, "18.4"), true],
  ])("%s", (_name, client, server, isProblem) => {
    expect(toolVersionProblem("pg_dump", client, server, "the server at db:5432/x") !== null).toBe(isProblem);
  });

  it("names both versions and the package that fixes it", () => {
    expect(toolVersionProblem("pg_dump", v(15, "15.20"), v(18, "18.4"), "the server at db:5432/x")).toBe(
      "pg_dump 15.20 cannot work with PostgreSQL 18.4 (the server at db:5432/x): pg_dump must be PostgreSQL 18 or newer. " +
        "Install postgresql-client-18 (Debian/Ubuntu: apt-get install postgresql-client-18, from apt.postgresql.org when the " +
        "distribution does not carry it) or set PG_BIN_DIR to a folder holding pg_dump 18 (e.g. /usr/lib/postgresql/18/bin).",
    );
  });
});

// As `pg_restore --list` prints it for a db:backup archive.
const LISTING = `;
; Archive created at 2026-12-01 12:23:32 UTC
;     dbname: shipshape_backup
;     TOC Entries: 142
;     Compression: 6
;     Dump Version: 1.14-0
;     Format: CUSTOM
;     Dumped from database version: 15.20 (Debian 15.20-0+deb12u1)
;     Dumped by pg_dump version: 15.20 (Debian 15.20-0+deb12u1)
;
; Selected TOC Entries:
`;

describe("archive versions", () => {
  const header = parseArchiveHeader(LISTING);

  it("reads the header", () => {
    expect(header).toEqual({ dumpedFrom: v(15, "15.20"), dumpedBy: v(15, "15.20"), database: "shipshape_backup" });
    expect(parseArchiveHeader("not an archive listing")).toEqual({ dumpedFrom: null, dumpedBy: null, database: null });
  });

  it.each([
    ["same versions", v(15), v(15), null],
    ["into a newer server", v(18), v(18), null],
    [
      "a pg_restore older than the archive",
      v(14),
      v(15),
      /written by pg_dump 15\.20, which pg_restore 14\.0 cannot read.*postgresql-client-15/,
    ],
    ["into an older server", v(15), v(14, "14.9"), /comes from PostgreSQL 15\.20, and the target runs PostgreSQL 14\.9/],
  ])("%s", (_name, restoreTool, target, expected) => {
    const problem = archiveVersionProblem(header, restoreTool, target, "the target");
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe("toolConnection", () => {
  it("keeps the password off the command line", () => {
    const { dbname, env } = toolConnection("postgres://owner:s%40cret@db.internal:6543/shipshape?sslmode=require");
    expect(dbname).toBe("postgres://owner@db.internal:6543/shipshape?sslmode=require");
    expect(env.PGPASSWORD).toBe("s@cret");
  });
});
