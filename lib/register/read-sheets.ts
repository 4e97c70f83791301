// A register file as rows of text: every sheet of an .xlsx, or the one table
// of a CSV — UTF-8 (with or without BOM) or GBK, as Excel's “CSV” saves it on
// Chinese Windows. Bounded before and while reading: the file's size, each
// zip part's inflated size before it is inflated (lib/import/bounded-zip.ts),
// and the rows, counted as they stream in. Runs in a worker thread
// (register-worker.ts).
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { parseCsv } from "@/lib/catalog/import/parse-csv";
import { openZip, type ZipBounds } from "@/lib/import/bounded-zip";
import { decodeReportText, UnreadableFileError } from "@/lib/import/read-source";

export const MAX_REGISTER_BYTES = 5 * 1024 * 1024;
/** Rows of all tables together, headers and titles included: a province's register is a few thousand. */
export const MAX_REGISTER_ROWS = 20_000;

/** A 5 MB workbook holds far less than this; a zip bomb holds far more. */
const XLSX_BOUNDS: ZipBounds = { maxEntries: 500, maxPartBytes: 60 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 100 };

export interface Sheet {
  /** The sheet's name, or the file's for a CSV. */
  name: string;
  /** Row i is the sheet's row i + 1; empty rows are empty arrays. */
  rows: string[][];
}

const tooManyRows = () => new UnreadableFileError(`文件行数过多：一次最多导入${MAX_REGISTER_ROWS}行，请分批导入`);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    // An 18-digit code typed as a number keeps 15 significant digits; written out
    // in full it then fails its check character, which says what happened.
    return Number.isInteger(value) ? value.toLocaleString("en-US", { useGrouping: false }) : String(value);
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value).trim();
}

async function readXlsx(bytes: Buffer, rowBudget: number): Promise<Sheet[]> {
  openZip(bytes, XLSX_BOUNDS);
  try {
    return await streamSheets(bytes, rowBudget);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    // ExcelJS's streaming reader iterates the zip's entries asynchronously and,
    // on a busy machine, has been seen to fail on a sound workbook (the
    // register template, read back). The bytes are in memory and bounded: one
    // more read tells a race from a broken file.
  }
  try {
    return await streamSheets(bytes, rowBudget);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError("无法读取该 Excel 文件，请确认是 .xlsx 格式（可在 Excel 或 WPS 中“另存为”Excel 工作簿）");
  }
}

/** Every sheet's rows, streamed, counting rows against the budget as they come. */
async function streamSheets(bytes: Buffer, rowBudget: number): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const sheets: Sheet[] = [];
  let read = 0;
  for await (const worksheet of reader) {
    const sheet: Sheet = { name: (worksheet as unknown as { name?: string }).name ?? `第${sheets.length + 1}个工作表`, rows: [] };
    for await (const row of worksheet) {
      read += 1;
      if (read > rowBudget) throw tooManyRows();
      sheet.rows[row.number - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    }
    sheets.push({ name: sheet.name, rows: Array.from(sheet.rows, (cells) => cells ?? []) });
  }
  return sheets;
}

function readCsv(name: string, bytes: Buffer, rowBudget: number): Sheet[] {
  if (bytes.includes(0)) throw new UnreadableFileError(`“${name}”不是文本格式的 CSV 文件，请在 Excel 中“另存为”CSV 或直接上传 .xlsx`);
  const { text } = decodeReportText(bytes);
  const { rows, truncated, error } = parseCsv(text, rowBudget);
  if (truncated) throw tooManyRows();
  if (error) throw new UnreadableFileError(error);
  return [{ name, rows: rows.map((cells) => (cells.every((cell) => cell.trim() === "") ? [] : cells.map((cell) => cell.trim()))) }];
}

/** The sheets of one file; `rowBudget` is what is left of MAX_REGISTER_ROWS for it. */
export async function readSheets(name: string, bytes: Buffer, rowBudget = MAX_REGISTER_ROWS): Promise<Sheet[]> {
  if (bytes.length === 0) throw new UnreadableFileError(`文件“${name}”是空的`);
  if (bytes.length > MAX_REGISTER_BYTES) throw new UnreadableFileError(`文件“${name}”过大，最大 ${MAX_REGISTER_BYTES / 1024 / 1024} MB，请分批导入`);
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extension === "xlsx" && zip) return readXlsx(bytes, rowBudget);
  if (extension === "csv" && !zip) return readCsv(name, bytes, rowBudget);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    throw new UnreadableFileError(`“${name}”是 Excel 97–2003 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后上传`);
  }
  if (extension === "xlsx" || extension === "csv") throw new UnreadableFileError(`“${name}”的内容与扩展名不符，请确认文件是 .${extension} 格式`);
  throw new UnreadableFileError(`不能读取“${name}”：只能导入 .xlsx 或 .csv 文件`);
}
