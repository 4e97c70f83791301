// The files of one upload read into a register: each sheet told apart by its
// header row (the 单位 table names 单位全称 and 统一社会信用代码, the 账号 table
// 用户名), found below any title rows (“滁州市政务公开单位名录”, merged across
// the columns). A file that cannot be read throws UnreadableFileError with
// the message for the person who uploaded it; nothing is read in part.
import { createHash } from "node:crypto";
import { UnreadableFileError } from "@/lib/import/read-source";
import { ACCOUNT_COLUMNS, matchHeadings, NOTES_SHEET, type Column, TABLE_LABELS, UNIT_COLUMNS } from "./columns";
import { MAX_REGISTER_ROWS, readSheets, type Sheet } from "./read-sheets";
import type { AccountRecord, Register, RegisterFile, RegisterTable, UnitRecord } from "./types";

/** Title rows above the header: registers have one or two, and a blank line. */
const HEADER_SEARCH_ROWS = 10;
export const MAX_REGISTER_FILES = 2;

type Table = { table: "units"; records: UnitRecord[]; notes: string[] } | { table: "accounts"; records: AccountRecord[]; notes: string[] };

function findHeader(sheet: Sheet): { table: RegisterTable; at: number } | null {
  for (let at = 0; at < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); at += 1) {
    const cells = sheet.rows[at] ?? [];
    const accounts = matchHeadings(cells, ACCOUNT_COLUMNS);
    if (accounts.includes("username")) return { table: "accounts", at };
    const units = matchHeadings(cells, UNIT_COLUMNS);
    if (units.includes("name") && units.includes("code")) return { table: "units", at };
  }
  return null;
}

/** A row with one cell of text starting 注/说明/填表说明/备注 is the register's footnote, not a unit. */
const isNote = (cells: readonly string[]) => cells.filter((c) => c !== "").length === 1 && /^(注|说明|填表说明|备注)/.test(cells.find((c) => c !== "")!);

function readTable(
  sheet: Sheet,
  header: { table: RegisterTable; at: number },
  columns: readonly Column<string>[],
): { records: Record<string, string | number>[]; notes: string[] } {
  const headerCells = sheet.rows[header.at]!;
  const keys = matchHeadings(headerCells, columns);
  const label = `${TABLE_LABELS[header.table]}（${sheet.name}）`;
  const missing = columns.filter((c) => c.required && !keys.includes(c.key)).map((c) => `“${c.heading}”`);
  if (missing.length > 0) throw new UnreadableFileError(`${label}缺少${missing.join("、")}列，请按模板填写表头`);
  const notes: string[] = [];
  const ignored = headerCells.filter((cell, i) => cell !== "" && keys[i] === null);
  if (ignored.length > 0) notes.push(`${label}中的列${ignored.map((c) => `“${c}”`).join("、")}不在模板中，未读取`);
  const records: Record<string, string | number>[] = [];
  for (let i = header.at + 1; i < sheet.rows.length; i += 1) {
    const cells = sheet.rows[i] ?? [];
    if (cells.every((cell) => cell === "")) continue;
    if (isNote(cells)) {
      notes.push(`${label}第${i + 1}行是说明文字，未读取`);
      continue;
    }
    const record: Record<string, string | number> = { row: i + 1 };
    for (const column of columns) record[column.key] = "";
    keys.forEach((key, c) => {
      if (key) record[key] = cells[c] ?? "";
    });
    records.push(record);
  }
  return { records, notes };
}

function readSheetTable(sheet: Sheet): Table | null {
  const header = findHeader(sheet);
  if (!header) return null;
  if (header.table === "units") {
    const { records, notes } = readTable(sheet, header, UNIT_COLUMNS);
    return { table: "units", records: records as unknown as UnitRecord[], notes };
  }
  const { records, notes } = readTable(sheet, header, ACCOUNT_COLUMNS);
  return { table: "accounts", records: records as unknown as AccountRecord[], notes };
}

/** Reads one upload: one .xlsx with both tables, or one or two CSV files (one table each), or both kinds mixed. */
export async function readRegister(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Register> {
  if (files.length === 0) throw new UnreadableFileError("请选择要导入的文件");
  if (files.length > MAX_REGISTER_FILES) throw new UnreadableFileError(`一次最多上传${MAX_REGISTER_FILES}个文件（单位表和账号表）`);
  const register: Register = { files: [], units: [], accounts: [], notes: [] };
  const seen = new Map<RegisterTable, string>();
  let budget = MAX_REGISTER_ROWS;
  for (const file of files) {
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    const sheets = await readSheets(file.name, bytes, budget);
    budget -= sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
    const entry: RegisterFile = { name: file.name, sha256: createHash("sha256").update(bytes).digest("hex"), tables: [] };
    for (const sheet of sheets) {
      const table = readSheetTable(sheet);
      if (!table) {
        if (sheet.name !== NOTES_SHEET && sheet.rows.some((cells) => cells.length > 0)) register.notes.push(`“${file.name}”的工作表“${sheet.name}”没有单位表或账号表的表头，未读取`);
        continue;
      }
      const earlier = seen.get(table.table);
      if (earlier) throw new UnreadableFileError(`上传的文件中有两个${TABLE_LABELS[table.table]}（${earlier}和“${file.name}”），请只保留一个`);
      seen.set(table.table, `“${file.name}”`);
      entry.tables.push(table.table);
      register.notes.push(...table.notes);
      if (table.table === "units") register.units = table.records;
      else register.accounts = table.records;
    }
    if (entry.tables.length === 0) {
      throw new UnreadableFileError(
        `在“${file.name}”中找不到单位表或账号表：表头应包含“单位全称”“统一社会信用代码”（单位表）或“用户名”“单位统一社会信用代码”（账号表），请使用导入模板`,
      );
    }
    register.files.push(entry);
  }
  if (register.units.length === 0 && register.accounts.length === 0) throw new UnreadableFileError("文件中没有单位或账号（表头下面没有数据行）");
  return register;
}
