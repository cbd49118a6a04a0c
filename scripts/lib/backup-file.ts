import path from "node:path";

/** 2026-12-01T14:30:05.123Z → 20261201T143005Z: ISO 8601 basic format, sortable and safe in every file system. */
export function backupTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

/** backups/<database>-<UTC time>.dump, in BACKUP_DIR when set. */
export function defaultBackupPath(database: string, at: Date, dir = process.env.BACKUP_DIR || "backups"): string {
  return path.resolve(dir, `${database}-${backupTimestamp(at)}.dump`);
}
