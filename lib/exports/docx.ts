// Word: the official layout an office files and stamps — title, the six
// sections in order, tables with merged headers, signature and date.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { formatChineseDate, narrativeBlocks, sectionHeading, tableGrid, type GridCell } from "@/lib/report-format";
import type { ExportableReport } from "./csv";

const FONT = "仿宋";
const text = (content: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: content, font: FONT, size: options.size ?? 24, ...(options.bold ? { bold: true } : {}) });

function gridRows(rows: readonly GridCell[][], report: ExportableReport, isHeader: boolean): TableRow[] {
  return rows.map(
    (cells) =>
      new TableRow({
        tableHeader: isHeader,
        cantSplit: true,
        children: cells.map((cell) => {
          const content =
            cell.kind === "header" ? cell.text : String(report.values[cell.cellKey] ?? "");
          return new TableCell({
            rowSpan: cell.rowSpan,
            columnSpan: cell.colSpan,
            verticalAlign: VerticalAlign.CENTER,
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(content, { size: 20 })] })],
          });
        }),
      }),
  );
}

export async function reportToDocx(report: ExportableReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [text(report.title, { bold: true, size: 36 })] }),
  ];
  // The preamble stands between the title and 一, unnumbered.
  for (const block of narrativeBlocks(report.sections[report.format.preamble.key] ?? "")) {
    children.push(new Paragraph({ indent: { firstLine: 480 }, children: [text(block.text)] }));
  }
  for (const section of report.format.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(sectionHeading(section), { bold: true, size: 28 })] }));
    if (section.kind === "narrative") {
      for (const block of narrativeBlocks(report.sections[section.key] ?? "")) {
        children.push(
          block.kind === "subheading"
            ? new Paragraph({ children: [text(block.text, { bold: true })] })
            : new Paragraph({ indent: { firstLine: 480 }, children: [text(block.text)] }),
        );
      }
    } else {
      const grid = tableGrid(section.table);
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [...gridRows(grid.head, report, true), ...gridRows(grid.body, report, false)],
        }),
      );
    }
  }
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [text(report.signatureLine)] }));
  if (report.signedOn) {
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(formatChineseDate(report.signedOn))] }));
  }
  const document = new Document({
    title: report.title,
    creator: report.organization.name,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
  });
  return Packer.toBuffer(document);
}
