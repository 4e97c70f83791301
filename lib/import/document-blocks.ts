// A document as the importer sees it before any report structure is read:
// paragraphs and tables in reading order. Word files and portal pages are
// read into blocks, and blocks are written out in the plain-text layout a
// word processor's "save as plain text" produces, so one parser
// (parse-text-report) reads every kind of source.

export interface ParagraphBlock {
  kind: "paragraph";
  /** One line: never empty, no line breaks, no leading tab. */
  text: string;
}

/** A merged cell: its top-left position in the grid and how far it reaches. */
export interface CellSpan {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

export interface TableBlock {
  kind: "table";
  /**
   * The table's grid, rowspan and colspan resolved: rows[r][c] is grid
   * position (r, c). A merged cell's text stands once, at its top-left
   * position; the other positions it covers hold "" (listed in `spans`), so a
   * value is never counted twice by whoever reads the grid. A row is as long
   * as its last covered position (rows of a ragged table differ in length).
   */
  rows: string[][];
  /** The merged cells (span > 1); omitted or empty when none is merged. */
  spans?: CellSpan[];
}

export type Block = ParagraphBlock | TableBlock;

/** Where an output line came from; numbers are 1-based, as a reader counts. */
export type LineOrigin =
  | { kind: "paragraph"; paragraph: number }
  | { kind: "cell"; table: number; row: number; column: number }
  /** The blank line closing a table row. */
  | { kind: "row-end"; table: number; row: number };

export interface ReportText {
  text: string;
  /** origins[i] is where line i + 1 of `text` came from. */
  origins: LineOrigin[];
}

/** The place in the document, as an import issue names it: 第3段, 第2个表格第4行第1格. */
export function describeOrigin(origin: LineOrigin): string {
  switch (origin.kind) {
    case "paragraph":
      return `第${origin.paragraph}段`;
    case "cell":
      return `第${origin.table}个表格第${origin.row}行第${origin.column}格`;
    case "row-end":
      return `第${origin.table}个表格第${origin.row}行末`;
  }
}

/** Text on one line: line breaks and tabs become spaces, the ends trimmed. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t\v\f\u2028\u2029]+/g, " ").trim();
}

/**
 * For each grid position of a table, the merged cell covering it when that
 * cell starts elsewhere: `[row, column]` of its top-left.
 */
function coveredPositions(table: TableBlock): Map<string, [number, number]> {
  const covered = new Map<string, [number, number]>();
  for (const span of table.spans ?? []) {
    for (let r = span.row; r < span.row + span.rowSpan; r += 1) {
      for (let c = span.column; c < span.column + span.colSpan; c += 1) {
        if (r !== span.row || c !== span.column) covered.set(`${r},${c}`, [span.row, span.column]);
      }
    }
  }
  return covered;
}

/**
 * The plain-text layout parseTextReport reads: a paragraph per line; each
 * table cell on its own line indented with a tab, an empty cell a line
 * holding only the tab; a blank line after each row.
 *
 * A merged cell is written once, as Word writes it: a horizontal merge is one
 * cell (its covered columns are not cells of their own), and each further row
 * of a vertical merge holds one empty cell where the merge stands. So header
 * fillers sit before a row's label (where the parser passes over them) and a
 * label spanning two columns is not followed by an empty cell the parser
 * would count as the row's first value.
 */
export function blocksToReportText(blocks: readonly Block[]): ReportText {
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  const push = (line: string, origin: LineOrigin) => {
    lines.push(line);
    origins.push(origin);
  };
  let paragraphs = 0;
  let tables = 0;

  for (const block of blocks) {
    if (block.kind === "paragraph") {
      const text = oneLine(block.text);
      if (text === "") continue;
      paragraphs += 1;
      push(text, { kind: "paragraph", paragraph: paragraphs });
      continue;
    }
    tables += 1;
    const table = tables;
    const covered = coveredPositions(block);
    block.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        const origin = covered.get(`${r},${c}`);
        const at: LineOrigin = { kind: "cell", table, row: r + 1, column: c + 1 };
        if (!origin) push(`\t${oneLine(cell)}`, at);
        else if (origin[0] < r && origin[1] === c) push("\t", at);
      });
      push("", { kind: "row-end", table, row: r + 1 });
    });
  }
  return { text: lines.join("\n"), origins };
}
