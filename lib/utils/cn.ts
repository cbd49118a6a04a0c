import { twMerge, type ClassNameValue } from "tailwind-merge";

export type ClassValue = ClassNameValue;

/**
 * Joins class names, skipping falsy values and flattening arrays, and resolves Tailwind conflicts so the
 * last class of a group wins: cn("px-4 text-sm", className) with className "px-2" gives "text-sm px-2".
 * Components pass the caller's className last, so an override always takes effect.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(...inputs);
}
