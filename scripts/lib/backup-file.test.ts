import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupTimestamp, defaultBackupPath } from "./backup-file";

describe("backup file names", () => {
  it.each([
    ["2026-12-01T14:30:05.123Z", "20261201T143005Z"],
    ["2027-01-09T00:00:00.000Z", "20270109T000000Z"],
  ])("%s", (iso, expected) => expect(backupTimestamp(new Date(iso))).toBe(expected));

  it("puts the database and the UTC time in the name", () => {
    expect(defaultBackupPath("shipshape", new Date("2026-12-01T14:30:05Z"), "/srv/backups")).toBe(
      path.resolve("/srv/backups/shipshape-20261201T143005Z.dump"),
    );
  });
});
