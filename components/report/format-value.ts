import type { CellValue } from "@/lib/report-format";

/** How a cell value is printed: empty cells stay empty, never "0". */
export function formatCellValue(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
