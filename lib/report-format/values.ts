// A report's table values, keyed by cell key, and the computed totals.
import { formatCells } from "./cells";
import type { CellValue } from "./cell-value";
import type { ReportFormat } from "./types";

export type ReportValues = Readonly<Record<string, CellValue>>;

/** Every cell of the format, empty. */
export function emptyValues(format: ReportFormat): Record<string, CellValue> {
  return Object.fromEntries(formatCells(format).map((cell) => [cell.key, null]));
}

/** Sum of the given cells; null when every part is empty. */
export function sumOf(values: ReportValues, keys: readonly string[]): CellValue {
  let total: number | null = null;
  for (const key of keys) {
    const value = values[key];
    if (value !== null && value !== undefined) total = (total ?? 0) + value;
  }
  return total;
}

/**
 * Fills every computed cell (R2–R4 totals) from its parts. The editor and the
 * server store computed values so that they always satisfy their rules.
 * Sums down a column are filled before sums along a row, so the corner cell agrees with both.
 */
export function withComputedTotals(format: ReportFormat, values: ReportValues): Record<string, CellValue> {
  const result: Record<string, CellValue> = { ...emptyValues(format), ...values };
  const computed = formatCells(format).flatMap((cell) => (cell.sum ? [{ key: cell.key, sum: cell.sum }] : []));
  const columnSumsFirst = [
    ...computed.filter((c) => c.sum.along === "column"),
    ...computed.filter((c) => c.sum.along === "row"),
  ];
  for (const { key, sum } of columnSumsFirst) result[key] = sumOf(result, sum.of);
  return result;
}
