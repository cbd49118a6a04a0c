export type ClassValue = string | number | bigint | boolean | null | undefined | readonly ClassValue[];

/**
 * Joins class names, skipping falsy values and flattening arrays.
 * It does not resolve Tailwind conflicts: pass overrides that do not clash,
 * or use a more specific variant.
 */
export function cn(...inputs: ClassValue[]): string {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === null || input === undefined || input === false || input === true || input === "") continue;
    if (Array.isArray(input)) {
      const nested = cn(...(input as readonly ClassValue[]));
      if (nested) out.push(nested);
    } else {
      out.push(String(input));
    }
  }
  return out.join(" ");
}
