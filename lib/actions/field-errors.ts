import type { z } from "zod";

/** One message per field, the first zod reports (e.g. "too short" before "too simple"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    messages[path] ??= issue.message;
  }
  return messages;
}
