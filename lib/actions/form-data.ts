// Reading a posted form. Every value arrives as a string (files are ignored here); the schemas decide the rest.

/** One field's value, or undefined when the form did not send it. */
export function formText(formData: FormData, field: string): string | undefined {
  const value = formData.get(field);
  return typeof value === "string" ? value : undefined;
}

/** Every value of a repeated field (a multi-select or a checkbox group). */
export function formList(formData: FormData, field: string): string[] {
  return formData.getAll(field).filter((value): value is string => typeof value === "string");
}

/** All fields as plain strings (the first value of each). */
export function formFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(formData.keys())) out[key] = formText(formData, key) ?? "";
  return out;
}
