import { describe, expect, it } from "vitest";
import {
  cellsOfTable,
  flattenRows,
  format2019,
  format2021,
  formatCells,
  formatForYear,
  sectionHeading,
  type MatrixTable,
  type TableSection,
} from "@/lib/report-format";

const table = (key: string) =>
  (format2021.sections.find((s) => s.kind === "table" && s.key === key) as TableSection).table;

describe("the 2021 format definition", () => {
  it("has the six sections with their exact headings, in order", () => {
    expect(format2021.sections.map(sectionHeading)).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
  });

  it("has 10 cells in table 二, 175 in table 三 and 15 in table 四, each key unique", () => {
    expect(cellsOfTable(format2021, "active")).toHaveLength(10);
    expect(cellsOfTable(format2021, "applications")).toHaveLength(175);
    expect(cellsOfTable(format2021, "appeals")).toHaveLength(15);
    const keys = formatCells(format2021).map((c) => c.key);
    expect(new Set(keys).size).toBe(200);
    const names = formatCells(format2021).map((c) => c.name);
    expect(new Set(names).size).toBe(200);
  });

  it("labels table 二 exactly as the format prints it", () => {
    const active = table("active");
    if (active.layout !== "blocks") throw new Error("table 二 is a blocks table");
    expect(active.rowHeader).toBe("信息内容");
    expect(active.blocks.map((b) => [b.heading, b.columns.map((c) => c.label), b.rows.map((r) => r.label)])).toEqual([
      ["第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]],
      ["第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]],
      ["第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]],
      ["第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"]],
    ]);
    expect(formatCells(format2021).filter((c) => c.kind === "amount").map((c) => c.key)).toEqual(["active.fee.amount"]);
  });

  it("labels table 三's rows and columns exactly as the format prints them", () => {
    const applications = table("applications") as MatrixTable;
    expect(applications.note).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect(applications.columnsHeader).toBe("申请人情况");
    expect(applications.columns.map((c) => [c.group ?? "", c.label])).toEqual([
      ["", "自然人"],
      ["法人或其他组织", "商业企业"],
      ["法人或其他组织", "科研机构"],
      ["法人或其他组织", "社会公益组织"],
      ["法人或其他组织", "法律服务机构"],
      ["法人或其他组织", "其他"],
      ["", "总计"],
    ]);
    const rows = flattenRows(applications.rows);
    expect(rows).toHaveLength(25);
    expect(rows.map(({ path }) => path.join(" / "))).toEqual([
      "一、本年新收政府信息公开申请数量",
      "二、上年结转政府信息公开申请数量",
      "三、本年度办理结果 / （一）予以公开",
      "三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密",
      "三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开",
      "三、本年度办理结果 / （三）不予公开 / 3.危及“三安全一稳定”",
      "三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益",
      "三、本年度办理结果 / （三）不予公开 / 5.属于三类内部事务信息",
      "三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息",
      "三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷",
      "三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项",
      "三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息",
      "三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作",
      "三、本年度办理结果 / （四）无法提供 / 3.补正后申请内容仍不明确",
      "三、本年度办理结果 / （五）不予处理 / 1.信访举报投诉类申请",
      "三、本年度办理结果 / （五）不予处理 / 2.重复申请",
      "三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物",
      "三、本年度办理结果 / （五）不予处理 / 4.无正当理由大量反复申请",
      "三、本年度办理结果 / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息",
      "三、本年度办理结果 / （六）其他处理 / 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      "三、本年度办理结果 / （六）其他处理 / 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      "三、本年度办理结果 / （六）其他处理 / 3.其他",
      "三、本年度办理结果 / （七）总计",
      "四、结转下年度继续办理",
    ]);
  });

  it("labels table 四 exactly as the format prints it", () => {
    const appeals = table("appeals");
    if (appeals.layout !== "groups") throw new Error("table 四 is a groups table");
    expect(appeals.groups.map((g) => [g.parent ?? "", g.label])).toEqual([
      ["", "行政复议"],
      ["行政诉讼", "未经复议直接起诉"],
      ["行政诉讼", "复议后起诉"],
    ]);
    expect(appeals.columns.map((c) => c.label)).toEqual(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]);
  });

  it("marks the pure sums as computed: 总计 column (R2), （七）总计 row (R3), table 四 总计 (R4)", () => {
    const computed = formatCells(format2021).filter((c) => c.sum);
    expect(computed.filter((c) => c.sum!.rule === "R2")).toHaveLength(25);
    expect(computed.filter((c) => c.sum!.rule === "R3")).toHaveLength(6);
    expect(computed.filter((c) => c.sum!.rule === "R4")).toHaveLength(3);
    const outcomeNatural = computed.find((c) => c.key === "applications.outcomeTotal.natural")!;
    expect(outcomeNatural.sum!.of).toHaveLength(21);
    expect(outcomeNatural.sum!.of).not.toContain("applications.received.natural");
    const reviewTotal = computed.find((c) => c.key === "appeals.review.total")!;
    expect(reviewTotal.sum!.of).toEqual([
      "appeals.review.upheld",
      "appeals.review.corrected",
      "appeals.review.other",
      "appeals.review.pending",
    ]);
  });

  it("gives every input an accessible name of row label and column label", () => {
    const names = new Map(formatCells(format2021).map((c) => [c.key, c.name]));
    expect(names.get("active.penalty.decisions")).toBe("行政处罚 本年处理决定数量");
    expect(names.get("applications.received.natural")).toBe("一、本年新收政府信息公开申请数量 自然人");
    expect(names.get("appeals.litigationDirect.upheld")).toBe("行政诉讼 未经复议直接起诉 结果维持");
  });

  it("names only real cells in its comparison groups", () => {
    const keys = new Set(formatCells(format2021).map((c) => c.key));
    for (const group of format2021.comparison) for (const key of group.cells) expect(keys.has(key), key).toBe(true);
  });

  it("applies to report years from 2021 on", () => {
    expect(formatForYear(2021)).toBe(format2021);
    expect(formatForYear(2030)).toBe(format2021);
    expect(formatForYear(2020)).toBe(format2019);
    expect(formatForYear(2019)).toBe(format2019);
    expect(formatForYear(2018)).toBeUndefined();
  });
});
