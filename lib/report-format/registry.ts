// Format versions by report year. A new national format is a new definition
// added here, not a new code path.
import { format2021 } from "./format-2021";
import type { ReportFormat } from "./types";

export const formats: readonly ReportFormat[] = [format2021];

export function formatForYear(year: number): ReportFormat | undefined {
  return formats.find((f) => year >= f.years.from && (f.years.to === null || year <= f.years.to));
}

export function getFormat(version: string): ReportFormat {
  const format = formats.find((f) => f.version === version);
  if (!format) throw new Error(`Unknown report format version ${version}`);
  return format;
}
