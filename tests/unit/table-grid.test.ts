import { describe, expect, it } from "vitest";
import { cellsOfTable, format2021, formats, placeGrid, tableGrid, tableSections, type GridCell } from "@/lib/report-format";

type HeaderCell = Extract<GridCell, { kind: "header" }>;

describe.each(formats.map((format) => [format.version, format] as const))("format %s: tables as grids of merged cells", (_, format) => {
  for (const section of tableSections(format)) {
    it(`${section.heading}: every value once, every grid square covered exactly once`, () => {
      const grid = tableGrid(section.table);
      const rows = [...grid.head, ...grid.body];
      const placed = placeGrid(rows);
      const values = placed.filter((p) => p.cell.kind === "value").map((p) => (p.cell.kind === "value" ? p.cell.cellKey : ""));
      expect(values).toEqual(cellsOfTable(format, section.table.key).map((c) => c.key));
      const covered = new Map<string, number>();
      for (const { cell, row, column } of placed) {
        for (let r = row; r < row + cell.rowSpan; r += 1)
          for (let c = column; c < column + cell.colSpan; c += 1) covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1);
      }
      expect([...covered.values()].every((n) => n === 1)).toBe(true);
      expect(covered.size).toBe(rows.length * grid.columns);
    });

    it(`${section.heading}: each value cell's headers name its row path and column path`, () => {
      const grid = tableGrid(section.table);
      const cells = [...grid.head, ...grid.body].flat();
      const headers = new Map(
        cells.filter((c): c is HeaderCell => c.kind === "header" && !!c.id).map((c) => [c.id!, c] as const),
      );
      expect(headers.size).toBe(cells.filter((c) => c.kind === "header" && c.id).length); // ids are unique
      for (const cell of cells) {
        for (const id of cell.headers ?? []) expect(headers.has(id), `${id} is a header`).toBe(true);
      }
      const defs = new Map(cellsOfTable(format, section.table.key).map((d) => [d.key, d]));
      for (const cell of cells) {
        if (cell.kind !== "value") continue;
        const texts = cell.headers.map((id) => headers.get(id)!.text);
        const def = defs.get(cell.cellKey)!;
        for (const label of [...def.rowPath, ...def.columnPath]) expect(texts, cell.cellKey).toContain(label);
      }
    });
  }
});

describe("format 2021's grids", () => {
  it("draws table 三's merged headers as the format does", () => {
    const grid = tableGrid(tableSections(format2021)[1]!.table);
    expect(grid.columns).toBe(10);
    expect(grid.head[0]).toMatchObject([
      { kind: "header", text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowSpan: 3, colSpan: 3, note: true },
      { kind: "header", text: "申请人情况", rowSpan: 1, colSpan: 7, id: "applications-ch", scope: "colgroup" },
    ]);
    const outcome = grid.body[2]![0];
    expect(outcome).toMatchObject({ kind: "header", text: "三、本年度办理结果", rowSpan: 22, colSpan: 1, scope: "rowgroup" });
  });

  it("groups table 二's rows by block: each group opens with the block's heading", () => {
    const grid = tableGrid(tableSections(format2021)[0]!.table);
    expect(grid.groupStarts).toEqual([0, 4, 7, 11]);
    expect(grid.groupStarts!.map((i) => grid.body[i]![0]!.kind === "header" && grid.body[i]![0]!.text)).toEqual([
      "第二十条第（一）项",
      "第二十条第（五）项",
      "第二十条第（六）项",
      "第二十条第（八）项",
    ]);
  });

  it("names a table-三 value by its rows and its applicant group", () => {
    const grid = tableGrid(tableSections(format2021)[1]!.table);
    const cell = grid.body.flat().find((c) => c.kind === "value" && c.cellKey === "applications.denyStateSecret.business");
    expect(cell?.kind === "value" && cell.headers).toEqual([
      "applications-g0",
      "applications-g1",
      "applications-r-denyStateSecret",
      "applications-ch",
      "applications-cg-1",
      "applications-c-business",
    ]);
  });
});
