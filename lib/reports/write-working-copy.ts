// Writing a working copy's narrative sections and table cells, inside the
// caller's transaction: an import replaces them all; a save writes only what
// differs from what is stored. An autosave changes a few of some two hundred
// cells and a sentence: deleting and inserting every row on each one was most
// of a save's time in the database and in the client building the statements.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CellValue, ReportFormat } from "@/lib/report-format";
import { valuesToCellRows, type CellRow } from "./cell-rows";

type Tx = Prisma.TransactionClient;

export interface WorkingCopyText {
  sections: Readonly<Record<string, string>>;
  values: Readonly<Record<string, CellValue>>;
}

export async function writeSectionsAndCells(tx: Tx, reportId: string, format: ReportFormat, content: WorkingCopyText): Promise<void> {
  await tx.reportSection.deleteMany({ where: { reportId } });
  await tx.reportSection.createMany({
    data: Object.entries(content.sections).map(([sectionKey, body]) => ({ reportId, sectionKey, body })),
  });
  await tx.reportCell.deleteMany({ where: { reportId } });
  await tx.reportCell.createMany({
    data: valuesToCellRows(format, content.values).map((row) => ({ ...row, reportId })),
  });
}

/** A working copy's rows as stored, read with the save's lock held (readStoredRows). */
export interface StoredRows {
  sections: { sectionKey: string; body: string }[];
  /** The amount as the database prints it ("12.3400"). */
  cells: { tableKey: string; rowKey: string; columnKey: string; count: number | null; amount: string | null; change: number | null }[];
}

export async function readStoredRows(tx: Tx | PrismaClient, reportId: string): Promise<StoredRows> {
  // One row of two JSON arrays: two hundred rows decoded one by one by the client cost more in the app than in the database.
  const [rows] = await tx.$queryRaw<[StoredRows]>`
    select coalesce((select json_agg(json_build_object('sectionKey', section_key, 'body', body))
                       from report_section where report_id = ${reportId}::uuid), '[]'::json) as sections,
           coalesce((select json_agg(json_build_object('tableKey', table_key, 'rowKey', row_key, 'columnKey', column_key,
                                                       'count', count, 'amount', amount::text, 'change', change))
                       from report_cell where report_id = ${reportId}::uuid), '[]'::json) as cells`;
  return rows;
}

const cellKey = (row: { tableKey: string; rowKey: string; columnKey: string }) => `${row.tableKey}.${row.rowKey}.${row.columnKey}`;
const sameAmount = (stored: string | null, written: string | null) => (stored === null ? written === null : written !== null && Number(stored) === Number(written));
const sameCell = (stored: StoredRows["cells"][number], written: CellRow) =>
  stored.count === written.count && stored.change === written.change && sameAmount(stored.amount, written.amount);

/** What a save must write so that the stored rows become exactly those of `content`. */
export function workingCopyChanges(format: ReportFormat, stored: StoredRows, content: WorkingCopyText) {
  const storedCells = new Map(stored.cells.map((row) => [cellKey(row), row]));
  const rows = valuesToCellRows(format, content.values);
  const kept = new Set(rows.map(cellKey));
  const storedSections = new Map(stored.sections.map((s) => [s.sectionKey, s.body]));
  return {
    cells: rows.filter((row) => {
      const before = storedCells.get(cellKey(row));
      return !before || !sameCell(before, row);
    }),
    // Rows of cells the format no longer has (none, unless the format changed under a draft).
    staleCells: stored.cells.filter((row) => !kept.has(cellKey(row))),
    sections: Object.entries(content.sections)
      .filter(([key, body]) => storedSections.get(key) !== body)
      .map(([sectionKey, body]) => ({ sectionKey, body })),
    staleSections: stored.sections.filter((s) => !(s.sectionKey in content.sections)).map((s) => s.sectionKey),
  };
}

/** What a save writes on the report's own row. */
export interface SavedLines {
  title: string;
  signatureLine: string;
  /** YYYY-MM-DD */
  signedOn: string | null;
  editorId: string;
}

/**
 * A save's writes in one statement: the report's row (its lines, the next
 * version, who saved it) and, of the sections and cells, only the rows that
 * differ from what is stored, so that they become exactly those of
 * `content`. Returns the new version and when it was saved.
 */
export async function writeSave(
  tx: Tx,
  reportId: string,
  format: ReportFormat,
  stored: StoredRows,
  content: WorkingCopyText & SavedLines,
): Promise<{ version: number; updatedAt: Date }> {
  const changes = workingCopyChanges(format, stored, content);
  const [saved] = await tx.$queryRaw<{ version: number; updatedAt: Date }[]>`
    with saved as (
      update report set title = ${content.title}, signature_line = ${content.signatureLine}, signed_on = ${content.signedOn}::date,
                        -- The time of the write, not of the transaction's start: a save that waited for the lock is still the later one.
                        version = version + 1, last_edited_by_id = ${content.editorId}::uuid, updated_at = clock_timestamp()
       where id = ${reportId}::uuid
      returning version, updated_at
    ), cells as (
      insert into report_cell (report_id, table_key, row_key, column_key, count, amount, change)
      select ${reportId}::uuid, c."tableKey", c."rowKey", c."columnKey", c.count, c.amount, c.change
        from jsonb_to_recordset(${JSON.stringify(changes.cells)}::jsonb)
             as c("tableKey" text, "rowKey" text, "columnKey" text, count int, amount numeric, change int)
      on conflict (report_id, table_key, row_key, column_key)
      do update set count = excluded.count, amount = excluded.amount, change = excluded.change
    ), stale_cells as (
      delete from report_cell c using jsonb_to_recordset(${JSON.stringify(changes.staleCells)}::jsonb) as s("tableKey" text, "rowKey" text, "columnKey" text)
       where c.report_id = ${reportId}::uuid and (c.table_key, c.row_key, c.column_key) = (s."tableKey", s."rowKey", s."columnKey")
    ), sections as (
      insert into report_section (report_id, section_key, body)
      select ${reportId}::uuid, s."sectionKey", s.body from jsonb_to_recordset(${JSON.stringify(changes.sections)}::jsonb) as s("sectionKey" text, body text)
      on conflict (report_id, section_key) do update set body = excluded.body
    ), stale_sections as (
      delete from report_section where report_id = ${reportId}::uuid and section_key = any(${changes.staleSections}::text[])
    )
    select version, updated_at as "updatedAt" from saved`;
  return saved!;
}
