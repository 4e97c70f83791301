// Format versions by report year. A new national format is a new definition
// added here, not a new code path.
import { formatCells } from "./cells";
import type { CellValue } from "./cell-value";
import { format2019 } from "./format-2019";
import { format2021 } from "./format-2021";
import type { ReportFormat } from "./types";

export const formats: readonly ReportFormat[] = [format2019, format2021];

export function formatForYear(year: number): ReportFormat | undefined {
  return formats.find((f) => year >= f.years.from && (f.years.to === null || year <= f.years.to));
}

export function getFormat(version: string): ReportFormat {
  const format = formats.find((f) => f.version === version);
  if (!format) throw new Error(`Unknown report format version ${version}`);
  return format;
}

/** The cells of `to` whose values in a report of format `from` mean the same: all of them within one format. */
export function comparableCells(from: ReportFormat, to: ReportFormat): ReadonlySet<string> {
  const ours = formatCells(to).map((cell) => cell.key);
  if (from.version === to.version) return new Set(ours);
  const declared = new Set(to.sameMeaning?.[from.version] ?? from.sameMeaning?.[to.version] ?? []);
  const theirs = new Set(formatCells(from).map((cell) => cell.key));
  return new Set(ours.filter((key) => declared.has(key) && theirs.has(key)));
}

/** A report's values of format `from`, as far as they can be read as cells of `to` (the rest left out). */
export function comparableValues(
  from: ReportFormat,
  to: ReportFormat,
  values: Readonly<Record<string, CellValue>>,
): Record<string, CellValue> {
  if (from.version === to.version) return { ...values };
  const cells = comparableCells(from, to);
  return Object.fromEntries(Object.entries(values).filter(([key]) => cells.has(key)));
}
