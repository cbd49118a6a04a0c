import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A secret kept in a git-ignored file so restarts keep sessions and demo passwords stable. */
export function localSecret(dir: string, name: string, length = 32, alphabet?: string): string {
  const file = path.join(dir, name);
  if (existsSync(file)) {
    const value = readFileSync(file, "utf8").trim();
    if (value) return value;
  }
  mkdirSync(dir, { recursive: true });
  const bytes = randomBytes(length);
  const value = alphabet ? Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("") : bytes.toString("base64url");
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}
