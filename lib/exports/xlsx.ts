// Excel: the three tables as sheets, each with the official merged headers.
import ExcelJS from "exceljs";
import { placeGrid, tableGrid, tableSections } from "@/lib/report-format";
import type { ExportableReport } from "./csv";

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function reportToXlsx(report: ExportableReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.organization.name;
  workbook.title = report.title;
  for (const section of tableSections(report.format)) {
    // Sheet names: at most 31 characters, no special characters.
    const sheet = workbook.addWorksheet(`${section.numeral}、${section.heading}`.slice(0, 31));
    const grid = tableGrid(section.table);
    sheet.mergeCells(1, 1, 1, grid.columns);
    Object.assign(sheet.getCell(1, 1), {
      value: `${report.title} — ${section.numeral}、${section.heading}`,
      font: { bold: true },
    });
    const top = 2;
    for (const { cell, row, column } of placeGrid([...grid.head, ...grid.body])) {
      const r = top + row;
      const c = column + 1;
      if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(r, c, r + cell.rowSpan - 1, c + cell.colSpan - 1);
      const target = sheet.getCell(r, c);
      target.value = cell.kind === "header" ? cell.text : (report.values[cell.cellKey] ?? null);
      target.alignment = { vertical: "middle", horizontal: cell.kind === "header" ? "center" : "right", wrapText: true };
      for (let dr = 0; dr < cell.rowSpan; dr += 1)
        for (let dc = 0; dc < cell.colSpan; dc += 1) sheet.getCell(r + dr, c + dc).border = border;
    }
    for (let c = 1; c <= grid.columns; c += 1) sheet.getColumn(c).width = 14;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
