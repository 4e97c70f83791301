// An uploaded import file as rows of text: CSV (UTF-8) or the first sheet of
// an .xlsx workbook. Dates in Excel cells become "YYYY-MM-DD" (or with the
// time when it has one), as the form writes them.
import "server-only";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { decodeUtf8, parseCsv } from "./parse-csv";

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

export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "csv") {
    const text = decodeUtf8(bytes);
    if (text === null) throw new AppError("INVALID", "CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx");
    const { rows, error } = parseCsv(text);
    if (error) throw new AppError("INVALID", error);
    return rows;
  }
  if (extension === "xlsx") {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch {
      throw new AppError("INVALID", "无法读取该 Excel 文件，请确认是 .xlsx 格式");
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError("INVALID", "Excel 文件中没有工作表");
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      rows[number - 1] = values.map(cellText);
    });
    return Array.from(rows, (row) => row ?? []);
  }
  throw new AppError("INVALID", "只能导入 .csv 或 .xlsx 文件");
}
