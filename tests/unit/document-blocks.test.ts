import { describe, expect, it } from "vitest";
import { blocksToReportText, describeOrigin, type Block } from "@/lib/import/document-blocks";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { cellsOfTable, format2021, tableGrid, type GridCell, type TableSection } from "@/lib/report-format";

describe("blocksToReportText", () => {
  it("writes paragraphs as lines, cells as tab-indented lines and a blank line after each row", () => {
    const blocks: Block[] = [
      { kind: "paragraph", text: "标题" },
      { kind: "table", rows: [["信息内容", "本年处理决定数量"], ["行政许可", ""]] },
      { kind: "paragraph", text: "落款" },
    ];
    const { text, origins } = blocksToReportText(blocks);
    expect(text).toBe("标题\n\t信息内容\n\t本年处理决定数量\n\n\t行政许可\n\t\n\n落款");
    expect(origins).toEqual([
      { kind: "paragraph", paragraph: 1 },
      { kind: "cell", table: 1, row: 1, column: 1 },
      { kind: "cell", table: 1, row: 1, column: 2 },
      { kind: "row-end", table: 1, row: 1 },
      { kind: "cell", table: 1, row: 2, column: 1 },
      { kind: "cell", table: 1, row: 2, column: 2 },
      { kind: "row-end", table: 1, row: 2 },
      { kind: "paragraph", paragraph: 2 },
    ]);
    expect(origins).toHaveLength(text.split("\n").length);
  });

  it("writes a merged cell once: a horizontal merge as one cell, each further row of a vertical merge as one empty cell", () => {
    // 三、本年度办理结果 down two rows; （一）予以公开 across two columns; the value across two columns.
    const table: Block = {
      kind: "table",
      rows: [
        ["三、本年度办理结果", "（一）予以公开", "", "1", ""],
        ["", "（二）部分公开", "", "2", ""],
      ],
      spans: [
        { row: 0, column: 0, rowSpan: 2, colSpan: 1 },
        { row: 0, column: 1, rowSpan: 1, colSpan: 2 },
        { row: 1, column: 1, rowSpan: 1, colSpan: 2 },
        { row: 0, column: 3, rowSpan: 1, colSpan: 2 },
        { row: 1, column: 3, rowSpan: 1, colSpan: 2 },
      ],
    };
    const { text, origins } = blocksToReportText([table]);
    expect(text).toBe("\t三、本年度办理结果\n\t（一）予以公开\n\t1\n\n\t\n\t（二）部分公开\n\t2\n");
    expect(origins[4]).toEqual({ kind: "cell", table: 1, row: 2, column: 1 });
  });

  it("keeps every line on one line and skips empty paragraphs", () => {
    const { text } = blocksToReportText([
      { kind: "paragraph", text: "\t第一行\n第二行 " },
      { kind: "paragraph", text: "  " },
      { kind: "table", rows: [["本年收费金额\n（单位：万元）"]] },
    ]);
    expect(text).toBe("第一行 第二行\n\t本年收费金额 （单位：万元）\n");
  });

  it("names the place of a line", () => {
    expect(describeOrigin({ kind: "paragraph", paragraph: 3 })).toBe("第3段");
    expect(describeOrigin({ kind: "cell", table: 2, row: 4, column: 1 })).toBe("第2个表格第4行第1格");
    expect(describeOrigin({ kind: "row-end", table: 2, row: 4 })).toBe("第2个表格第4行末");
  });
});

/** The format's grid as a reader of our export sees it: spans resolved, values typed in. */
function gridBlock(section: TableSection, value: (key: string) => string): Block {
  const grid = tableGrid(section.table);
  const rows: GridCell[][] = [...grid.head, ...grid.body];
  const cells: string[][] = rows.map(() => []);
  const spans: { row: number; column: number; rowSpan: number; colSpan: number }[] = [];
  const taken = new Set<string>();
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r},${c}`)) c += 1;
      for (let dr = 0; dr < cell.rowSpan; dr += 1) {
        for (let dc = 0; dc < cell.colSpan; dc += 1) {
          taken.add(`${r + dr},${c + dc}`);
          cells[r + dr]![c + dc] = "";
        }
      }
      cells[r]![c] = cell.kind === "header" ? cell.text : value(cell.cellKey);
      if (cell.rowSpan > 1 || cell.colSpan > 1) spans.push({ row: r, column: c, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
      c += cell.colSpan;
    }
  });
  return { kind: "table", rows: cells, spans };
}

describe("the format's own grids, written out, are read back by the text parser", () => {
  const tables = format2021.sections.filter((s): s is TableSection => s.kind === "table");
  const all = tables.flatMap((s) => cellsOfTable(format2021, s.table.key));
  const distinct = new Map(all.map((cell, i) => [cell.key, i + 1]));

  it("places each of the 200 distinct values in its own cell", () => {
    const blocks: Block[] = [{ kind: "paragraph", text: "来安县雷官镇人民政府2023年政府信息公开工作年度报告" }];
    for (const section of format2021.sections) {
      blocks.push({ kind: "paragraph", text: `${section.numeral}、${section.heading}` });
      if (section.kind === "table") blocks.push(gridBlock(section, (key) => String(distinct.get(key))));
      else blocks.push({ kind: "paragraph", text: "无。" });
    }
    blocks.push({ kind: "paragraph", text: "雷官镇人民政府" }, { kind: "paragraph", text: "2024年1月24日" });
    const parsed = parseTextReport(blocksToReportText(blocks).text, format2021);
    expect(parsed.issues).toEqual([]);
    expect(all).toHaveLength(200);
    expect(all.map((cell) => [cell.key, parsed.values[cell.key]])).toEqual(all.map((cell) => [cell.key, distinct.get(cell.key)]));
  });

  it("keeps the columns after an empty value cell", () => {
    const applications = tables.find((s) => s.table.key === "applications")!;
    const blocks: Block[] = [
      { kind: "paragraph", text: `${applications.numeral}、${applications.heading}` },
      gridBlock(applications, (key) => (key === "applications.received.business" ? "" : String(distinct.get(key)))),
    ];
    const parsed = parseTextReport(blocksToReportText(blocks).text, format2021);
    expect(parsed.values["applications.received.business"]).toBeNull();
    expect(parsed.values["applications.received.research"]).toBe(distinct.get("applications.received.research"));
    expect(parsed.values["applications.received.total"]).toBe(distinct.get("applications.received.total"));
  });
});
