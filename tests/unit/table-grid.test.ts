import { describe, expect, it } from "vitest";
import { cellsOfTable, format2021, placeGrid, tableGrid, tableSections } from "@/lib/report-format";

describe("tables as grids of merged cells", () => {
  for (const section of tableSections(format2021)) {
    it(`${section.heading}: every value once, every grid square covered exactly once`, () => {
      const grid = tableGrid(section.table);
      const rows = [...grid.head, ...grid.body];
      const placed = placeGrid(rows);
      const values = placed.filter((p) => p.cell.kind === "value").map((p) => (p.cell.kind === "value" ? p.cell.cellKey : ""));
      expect(values).toEqual(cellsOfTable(format2021, section.table.key).map((c) => c.key));
      const covered = new Map<string, number>();
      for (const { cell, row, column } of placed) {
        for (let r = row; r < row + cell.rowSpan; r += 1)
          for (let c = column; c < column + cell.colSpan; c += 1) covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1);
      }
      expect([...covered.values()].every((n) => n === 1)).toBe(true);
      expect(covered.size).toBe(rows.length * grid.columns);
    });
  }

  it("draws table 三's merged headers as the format does", () => {
    const grid = tableGrid(tableSections(format2021)[1]!.table);
    expect(grid.columns).toBe(10);
    expect(grid.head[0]).toEqual([
      { kind: "header", text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowSpan: 3, colSpan: 3 },
      { kind: "header", text: "申请人情况", rowSpan: 1, colSpan: 7 },
    ]);
    const outcome = grid.body[2]![0];
    expect(outcome).toEqual({ kind: "header", text: "三、本年度办理结果", rowSpan: 22, colSpan: 1 });
  });
});
