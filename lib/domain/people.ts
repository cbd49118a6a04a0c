import type { PersonRef } from "./types";

/** A person as pages and documents print them: the name, and the e-mail address when the viewer may read it. */
export function personText(person: PersonRef): string {
  return person.email ? `${person.name} (${person.email})` : person.name;
}
