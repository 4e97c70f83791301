// Reads the cells of one table section into values. The export puts one cell
// per tab-indented line and a blank line between rows; an empty cell is a
// line holding only the tab. An empty line inside a row is that row's next
// cell (left empty), so the values after it keep their columns; elsewhere
// (the filler cells of merged headers) it is passed over.
import { formatCells, parseCellInput, type CellKind, type CellValue, type ReportFormat, type TableSection } from "@/lib/report-format";
import { looksNumeric, readCellText } from "./cell-units";
import type { ImportFindings } from "./import-issue";
import { headerKey, importLayout, normaliseLabel, type ImportRow } from "./table-layout";

export type TableLine =
  | { kind: "cell"; number: number; text: string }
  | { kind: "empty"; number: number }
  /** A blank line: the end of a row. */
  | { kind: "break"; number: number };

/** Indexes of the empty cells that stand in a block (between breaks) of values only. */
function emptyCellsAmongValues(lines: readonly TableLine[]): Set<number> {
  const found = new Set<number>();
  let block: number[] = [];
  let values = 0;
  let other = false;
  const close = () => {
    if (values > 0 && !other) block.forEach((i) => found.add(i));
    block = [];
    values = 0;
    other = false;
  };
  lines.forEach((line, i) => {
    if (line.kind === "break") close();
    else if (line.kind === "empty") block.push(i);
    else if (looksNumeric(line.text)) values += 1;
    else other = true;
  });
  close();
  return found;
}

/** A cell's name without the unit its column label carries: 行政事业性收费 本年收费金额. */
const unitHint: Record<CellKind, string> = {
  count: "此格填件数",
  change: "此格填增减数，整数，减少的填负数",
  amount: "此格填金额，单位为万元",
};

function shortName(name: string): string {
  return name.replace(/（单位：[^）]*）$/, "");
}

export function readTable(
  format: ReportFormat,
  section: TableSection,
  lines: readonly TableLine[],
  values: Record<string, CellValue>,
  findings: ImportFindings,
): void {
  const { issues, notes } = findings;
  const layout = importLayout(format, section);
  const old = layout.superseded;
  const kinds = new Map(formatCells(format).map((c) => [c.key, c]));
  const amongValues = emptyCellsAmongValues(lines);
  const place = `“${section.numeral}、${section.heading}”`;
  let row: ImportRow | undefined = layout.unlabelled;
  let filled = 0;
  /** The current row's label or one of its cells came after the last blank line. */
  let live = false;
  /** Inside a block laid out by the superseded format: its values mean something else. */
  let inSuperseded = false;
  let superseded = false;
  const refused = new Set<string>();

  for (const [index, line] of lines.entries()) {
    if (line.kind === "break") {
      live = false;
      continue;
    }
    if (line.kind === "empty") {
      const inRow = row === layout.unlabelled ? amongValues.has(index) : live;
      if (!inSuperseded && row && inRow && filled < row.cells.length) filled += 1;
      continue;
    }
    const label = normaliseLabel(line.text);
    const header = headerKey(line.text);
    if (layout.blockHeadings.has(header)) {
      inSuperseded = false;
      row = layout.unlabelled;
      filled = 0;
      live = false;
      continue;
    }
    if (old && (old.headerKeys.has(header) || old.blockHeadingKeys.has(header))) {
      if (!superseded) {
        issues.push({ line: line.number, message: `表${section.numeral}为${old.year}年格式（${old.source}），其数值未读入` });
      }
      superseded = true;
      inSuperseded = true;
      row = undefined;
      continue;
    }
    const nextRow = layout.rows.get(label);
    // 2019's 本年增/减 column holds signed numbers (+5, -2).
    const signless = line.text.replace(/^[+＋]/, "");
    if (inSuperseded && (nextRow || old?.rowKeys.has(label) || layout.headers.has(header) || looksNumeric(signless))) {
      continue;
    }
    if (nextRow) {
      row = nextRow;
      filled = 0;
      live = true;
      if (nextRow.readAs) notes.push({ line: line.number, message: `“${line.text}”按“${nextRow.readAs}”读取` });
      continue;
    }
    if (layout.headers.has(header)) {
      live = false;
      continue;
    }
    if (!looksNumeric(line.text)) {
      issues.push({ line: line.number, message: `${place}中无法识别的单元格：“${line.text}”` });
      continue;
    }
    const key = row?.cells[filled];
    const def = key ? kinds.get(key) : undefined;
    if (!key || !def) {
      issues.push({ line: line.number, message: `数值“${line.text}”不属于任何一行` });
      continue;
    }
    filled += 1;
    live = true;
    const reading = readCellText(line.text, def.kind);
    if (reading.kind !== "number") {
      refused.add(key);
      const problem =
        reading.kind === "wrong-unit"
          ? `的单位“${reading.unit}”与此格不符（${unitHint[def.kind]}），数值未读入`
          : "不是数字";
      issues.push({ line: line.number, message: `${def.name}：“${line.text}”${problem}` });
      continue;
    }
    const parsed = parseCellInput(reading.numeral, def.kind);
    if (parsed.ok) {
      values[key] = parsed.value;
      if (reading.yuan) {
        notes.push({ line: line.number, message: `${shortName(def.name)}：“${line.text}”已换算为${reading.numeral}万元` });
      }
    } else {
      refused.add(key);
      const read = reading.yuan ? `换算为${reading.numeral}万元，` : "";
      issues.push({ line: line.number, message: `${def.name}：“${line.text}”${read}${parsed.message}` });
    }
  }

  // A superseded table was reported as a whole; its cells one by one would only repeat that.
  if (superseded) return;
  for (const def of formatCells(format)) {
    if (def.table === section.table.key && values[def.key] === null && !refused.has(def.key)) {
      issues.push({ line: 0, message: `${place}缺少数值：${def.name}` });
    }
  }
}
