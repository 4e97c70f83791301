// An uploaded import file as rows of text: CSV (UTF-8) or the first sheet of
// an .xlsx workbook. Dates in Excel cells become "YYYY-MM-DD" (or with the
// time when it has one), as the form writes them.
//
// Bounded while reading, not after: the workbook is read as a stream (its
// rows are never all held as ExcelJS objects) and reading stops once the file
// has more rows than an import takes. The work runs in a worker thread
// (spreadsheet-worker.ts) so that other requests keep being answered.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { decodeUtf8, parseCsv } from "./parse-csv";

export interface SpreadsheetRows {
  rows: string[][];
  /** Reading stopped at the limit: the file has more rows than an import takes. */
  truncated: boolean;
}

/** A file that cannot be read as an import table, with the message for the user. */
export class UnreadableSpreadsheetError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel stores a wall-clock time with no zone; exceljs hands it over as UTC.
    const iso = value.toISOString();
    return iso.slice(11, 16) === "00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array, limit: number): Promise<SpreadsheetRows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), {
    worksheets: "emit",
    sharedStrings: "cache",
    // Dates are told from numbers by their cell style.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const rows: string[][] = [];
  let truncated = false;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row.number > limit) {
          truncated = true;
          break;
        }
        rows[row.number - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      }
      break; // the first sheet only
    }
  } catch {
    throw new UnreadableSpreadsheetError("无法读取该 Excel 文件，请确认是 .xlsx 格式");
  }
  return { rows: Array.from(rows, (row) => row ?? []), truncated };
}

/** The rows of the file, at most `limit` (the header included). */
export async function readSpreadsheetRows(fileName: string, bytes: Uint8Array, limit: number): Promise<SpreadsheetRows> {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "csv") {
    const text = decodeUtf8(bytes);
    if (text === null) throw new UnreadableSpreadsheetError("CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx");
    const { rows, error, truncated } = parseCsv(text, limit);
    if (error) throw new UnreadableSpreadsheetError(error);
    return { rows, truncated: truncated ?? false };
  }
  if (extension === "xlsx") return readXlsx(bytes, limit);
  throw new UnreadableSpreadsheetError("只能导入 .csv 或 .xlsx 文件");
}
