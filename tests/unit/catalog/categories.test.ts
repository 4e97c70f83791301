import { describe, expect, it } from "vitest";
import { catalogCategories, categoryFromText, categoryLabel, findCategory } from "@/lib/catalog/categories";
import { cellsFromCatalog, proactiveDisclosureSentence, summarizeCounts } from "@/lib/catalog/report-measures";
import { checkReport, findCell, format2021, formatCells, formats } from "@/lib/report-format";

describe("catalog categories", () => {
  it("have unique keys and labels, each naming an item of 条例第二十条 or 第二十一条", () => {
    expect(new Set(catalogCategories.map((c) => c.key)).size).toBe(catalogCategories.length);
    expect(new Set(catalogCategories.map((c) => c.label)).size).toBe(catalogCategories.length);
    for (const category of catalogCategories) expect(category.article).toMatch(/^第二十条第（[一二三四五六七八九十]+）项$|^第二十一条$/);
  });

  it("name the items of 条例第二十条 that table 二's blocks count", () => {
    expect(findCategory("normative")).toMatchObject({ label: "行政规范性文件", article: "第二十条第（一）项" });
    expect(findCategory("license")).toMatchObject({ article: "第二十条第（五）项" });
    expect(findCategory("penalty")).toMatchObject({ article: "第二十条第（六）项" });
    expect(findCategory("enforcement")).toMatchObject({ article: "第二十条第（六）项" });
  });

  it("read a category from an import file by label or key", () => {
    expect(categoryFromText(" 行政处罚 ")?.key).toBe("penalty");
    expect(categoryFromText("social-assistance")?.label).toBe("社会救助");
    expect(categoryFromText("行政处罚决定")).toBeUndefined();
    expect(categoryLabel("retired-key")).toBe("retired-key");
  });

  it("the 2021 format lets the catalog count only real input cells of its table 二", () => {
    expect(cellsFromCatalog(format2021).map((c) => c.cell)).toEqual([
      "active.regulation.issued",
      "active.regulation.repealed",
      "active.regulation.inForce",
      "active.normative.issued",
      "active.normative.repealed",
      "active.normative.inForce",
      "active.license.decisions",
      "active.penalty.decisions",
      "active.enforcement.decisions",
    ]);
    for (const { cell } of cellsFromCatalog(format2021)) expect(findCell(format2021, cell)?.sum).toBeFalsy();
  });

  it("each format's catalog sources name a cell of its table 二, under the block of the category's article", () => {
    for (const format of formats) {
      for (const figure of cellsFromCatalog(format)) {
        expect(figure.cell.startsWith("active."), `${format.version} ${figure.cell}`).toBe(true);
        expect(findCell(format, figure.cell)?.sum).toBeFalsy();
      }
    }
  });
});

describe("report counts summary", () => {
  const counts = summarizeCounts(
    2023,
    new Map([
      ["policy", { published: 300, repealed: 0, inForce: 0 }],
      ["license", { published: 46, repealed: 0, inForce: 0 }],
      ["social-assistance", { published: 182, repealed: 0, inForce: 0 }],
      ["normative", { published: 0, repealed: 1, inForce: 2 }],
    ]),
    format2021,
  );

  it("totals by area and category, leaving empty categories out", () => {
    expect(counts.total).toBe(528);
    expect(counts.byArea).toEqual({ basic: 346, standardized: 182 });
    expect(counts.byCategory.map((c) => c.category.key)).toEqual(["policy", "license", "social-assistance"]);
    expect(counts.cells).toMatchObject({ "active.license.decisions": 46, "active.normative.repealed": 1, "active.normative.inForce": 2, "active.normative.issued": 0 });
  });

  it("words the narrative sentence from the same counts", () => {
    expect(proactiveDisclosureSentence("雷官镇", counts)).toBe(
      "2023年雷官镇通过政府信息公开目录主动公开政府信息528条，其中基础信息346条、基层政务公开标准化规范化（“两化”）专区信息182条。按类别：政策文件300条、行政许可46条、社会救助182条。",
    );
  });
});

describe("the catalog rule: table 二 against the catalog's counts", () => {
  const zeros = Object.fromEntries(formatCells(format2021).map((c) => [c.key, 0]));
  const input = (values: Record<string, number>, catalog: { total: number; cells: Record<string, number> } | null) => ({
    format: format2021,
    organization: { name: "来安县雷官镇人民政府", kind: "TOWNSHIP" as const },
    year: 2023,
    title: "来安县雷官镇人民政府2023年政府信息公开工作年度报告",
    signedOn: "2024-01-24",
    values: { ...zeros, ...values },
    catalog,
  });

  it("names the table-二 cells whose figure differs from the catalog", () => {
    const counts = summarizeCounts(2023, new Map([["license", { published: 58, repealed: 0, inForce: 0 }], ["normative", { published: 1, repealed: 0, inForce: 3 }]]), format2021);
    const values = { "active.license.decisions": 58, "active.normative.issued": 0, "active.normative.inForce": 3 };
    const findings = checkReport(input(values, { total: counts.total, cells: counts.cells }));
    expect(findings.map((f) => [f.rule, f.cells, f.message])).toEqual([
      ["catalog", ["active.normative.issued"], "表二的数字应与本单位信息公开目录的统计一致：表二“行政规范性文件 本年制发件数”填报为0，目录统计为1"],
    ]);
  });

  it("says nothing when the unit's catalog has no items for the year", () => {
    expect(checkReport(input({ "active.license.decisions": 58 }, null))).toEqual([]);
  });

  it("covers every cell the catalog can count, and no amount", () => {
    expect(cellsFromCatalog(format2021).map((c) => c.cell)).not.toContain("active.fee.amount");
    expect(cellsFromCatalog(format2021)).toHaveLength(9);
  });
});
