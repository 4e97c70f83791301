// An import file, read and checked row by row: the part of an import that
// needs no database, run in a worker thread (spreadsheet-worker.ts).
import { checkImportRows, MAX_IMPORT_ROWS, type ImportCheck } from "./import-rows";
import { readSpreadsheetRows } from "./read-spreadsheet";

export async function checkImportFile(fileName: string, bytes: Uint8Array, defaults: { issuer: string }): Promise<ImportCheck> {
  // The header and one row more than an import takes: enough to know the file is too long.
  const { rows, truncated } = await readSpreadsheetRows(fileName, bytes, MAX_IMPORT_ROWS + 2);
  if (truncated) return { rows: [], fileError: `一次最多导入${MAX_IMPORT_ROWS}行，本文件超过了，请分批导入` };
  return checkImportRows(rows, defaults);
}
