import { ConfigError } from "@/lib/env";

/** The parsed configuration, or exit 2 with the message naming every bad setting (a typo must not start a process). */
export function configOrExit<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
