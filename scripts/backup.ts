// `npm run db:backup [-- --out FILE]`: a consistent snapshot of the whole database (pg_dump's custom format:
// compressed, restorable table by table) into backups/<database>-<UTC time>.dump, or FILE. Reads the
// configured database as its owner (MIGRATION_DATABASE_URL, else DATABASE_URL), or the demo's embedded one.
// pg_dump must be at least the server's major version; the command checks before it starts.
import { execFileSync } from "node:child_process";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultBackupPath } from "./lib/backup-file";
import { openConfiguredDatabase } from "./lib/database-target";
import { describeUrl, parseArchiveHeader, runTool, serverInfo, toolConnection, toolFor } from "./lib/pg-tools";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } }, allowPositionals: false });
  const target = await openConfiguredDatabase({ createEmbedded: false });
  try {
    const server = await serverInfo(target.owner);
    const pgDump = toolFor("pg_dump", server.version, server.where);
    const pgRestore = toolFor("pg_restore", server.version, server.where);
    const out = values.out ? path.resolve(values.out) : defaultBackupPath(server.database, new Date());
    await mkdir(path.dirname(out), { recursive: true });
    // Written beside its final name and renamed when complete: a file with the final name is a whole backup.
    const partial = `${out}.partial`;
    console.log(
      `Backing up ${describeUrl(target.owner)} (${target.description}, PostgreSQL ${server.version.text}) with pg_dump ${pgDump.version.text}…`,
    );
    const started = performance.now();
    const { dbname, env } = toolConnection(target.owner);
    try {
      await runTool(pgDump, ["--format=custom", "--compress=6", `--file=${partial}`, `--dbname=${dbname}`], env);
      // A backup nobody can read is no backup: pg_restore must be able to list every entry of the archive.
      const listing = execFileSync(pgRestore.path, ["--list", partial], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      if (!parseArchiveHeader(listing).dumpedFrom) throw new Error("pg_restore could not read the archive pg_dump wrote");
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    const seconds = (performance.now() - started) / 1000;
    const { size } = await stat(out);
    console.log(`Wrote ${out} (${(size / 1024 / 1024).toFixed(2)} MiB) in ${seconds.toFixed(1)} s.`);
    console.log("Copy it off this machine: a backup on the database's own disk is lost with it.");
  } finally {
    await target.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
