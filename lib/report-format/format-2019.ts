// The 2019 trial format (国办公开办函〔2019〕60号), used for the 2019 and 2020
// reports. It differs from the 2021 format only in table 二 and in table 三's
// （六）其他处理 (a single row); everything else is the 2021 definition, taken
// from it rather than restated. Labels are as the trial format printed them.
import { cellKey, flattenRows, formatCells } from "./cells";
import { format2021 } from "./format-2021";
import type { FigureComparison, NarrativeFigureRules } from "./narrative/figure-types";
import type { BlocksTable, CatalogCellSource, GroupsTable, MatrixTable, ReportFormat, RowNode, SectionDef } from "./types";

const itemsColumns = [
  { key: "previous", label: "上一年项目数量", kind: "count" },
  { key: "change", label: "本年增/减", kind: "change" },
] as const;

const active2019: BlocksTable = {
  layout: "blocks",
  key: "active",
  rowHeader: "信息内容",
  blocks: [
    {
      heading: "第二十条第（一）项",
      columns: [
        { key: "made", label: "本年新制作数量", kind: "count" },
        { key: "published", label: "本年新公开数量", kind: "count" },
        { key: "total", label: "对外公开总数量", kind: "count" },
      ],
      rows: [
        { key: "regulation", label: "规章" },
        { key: "normative", label: "规范性文件" },
      ],
    },
    {
      heading: "第二十条第（五）项",
      columns: [...itemsColumns, { key: "decisions", label: "处理决定数量", kind: "count" }],
      rows: [
        { key: "license", label: "行政许可" },
        { key: "otherServices", label: "其他对外管理服务事项" },
      ],
    },
    {
      heading: "第二十条第（六）项",
      columns: [...itemsColumns, { key: "decisions", label: "处理决定数量", kind: "count" }],
      rows: [
        { key: "penalty", label: "行政处罚" },
        { key: "enforcement", label: "行政强制" },
      ],
    },
    {
      heading: "第二十条第（八）项",
      columns: itemsColumns,
      rows: [{ key: "fee", label: "行政事业性收费" }],
    },
    {
      heading: "第二十条第（九）项",
      columns: [
        { key: "projects", label: "采购项目数量", kind: "count" },
        // The trial format printed no unit; reports gave the sum in 万元, as table 二 does elsewhere.
        { key: "amount", label: "采购总金额（单位：万元）", kind: "amount" },
      ],
      rows: [{ key: "procurement", label: "政府集中采购" }],
    },
  ],
};

/** Table 三's （六）其他处理 was one row; the 2021 format split it in three. */
const OTHER_PROCESSING = "（六）其他处理";
const singleOtherRow = (nodes: readonly RowNode[]): RowNode[] =>
  nodes.map((node) =>
    "key" in node
      ? node
      : node.label === OTHER_PROCESSING
        ? { key: "otherProcessing", label: OTHER_PROCESSING }
        : { label: node.label, children: singleOtherRow(node.children) },
  );

const sections: SectionDef[] = format2021.sections.map((section) => {
  if (section.kind !== "table") return section;
  if (section.key === "active") return { ...section, table: active2019 };
  if (section.table.layout === "matrix") return { ...section, table: { ...section.table, rows: singleOtherRow(section.table.rows) } };
  return section;
});

const decisions = (row: string) => `active.${row}.decisions`;

const catalog: CatalogCellSource[] = [
  ...(["regulation", "normative"] as const).flatMap((row) => [
    { cell: `active.${row}.published`, category: row, measure: "issued" as const },
    { cell: `active.${row}.total`, category: row, measure: "inForce" as const },
  ]),
  ...(["license", "penalty", "enforcement"] as const).map((row) => ({ cell: decisions(row), category: row, measure: "published" as const })),
];

const definition: ReportFormat = {
  ...format2021,
  version: "2019",
  source: "国办公开办函〔2019〕60号",
  years: { from: 2019, to: 2020 },
  sections,
  comparison: [
    { title: "行政许可、行政处罚、行政强制", cells: [decisions("license"), decisions("penalty"), decisions("enforcement")] },
    ...format2021.comparison.filter((group) => group.cells.every((cell) => cell.startsWith("appeals."))),
  ],
  // Year on year, a 2019-format report compares with a 2021-format one only in
  // these cells: the 处理决定数量 of 行政许可, 行政处罚 and 行政强制 (the trial
  // format's (五) and (六) print the same column the 2021 format calls
  // 本年处理决定数量), and tables 三 (but for （六）其他处理) and 四.
  sameMeaning: {
    "2021": [
      decisions("license"),
      decisions("penalty"),
      decisions("enforcement"),
      ...sections.flatMap((section) =>
        section.kind === "table" && section.table.layout !== "blocks" ? valueCellsOf(section.table) : [],
      ),
    ],
  },
  catalog,
  importVariants: {
    rows: {},
    headers: {
      结果维持: ["维持"],
      结果纠正: ["纠正"],
      "本年增/减": ["本年增减", "增/减", "增减"],
      // As the trial format printed it, without the unit the editor shows.
      "采购总金额（单位：万元）": ["采购总金额", "采购总金额（万元）"],
    },
  },
  rules: {
    ...format2021.rules,
    meta: {
      ...format2021.rules.meta,
      R10: {
        ...format2021.rules.meta.R10,
        statement: "件数应为非负整数，本年增/减应为整数（减少的填负数），采购总金额应为非负数且最多保留4位小数",
      },
    },
    // No 现行有效件数 in the trial format: R7 and R12 do not apply.
    stock: null,
  },
};

/** The value cells of table 三 or 四, leaving out （六）其他处理, whose rows the formats split differently. */
function valueCellsOf(table: MatrixTable | GroupsTable): string[] {
  if (table.layout === "groups") return table.groups.flatMap((g) => table.columns.map((c) => cellKey(table.key, g.key, c.key)));
  return flattenRows(table.rows)
    .filter(({ path }) => !path.includes(OTHER_PROCESSING))
    .flatMap(({ row }) => table.columns.map((c) => cellKey(table.key, row.key, c.key)));
}

/**
 * R8 reads the narrative with the 2021 format's phrases; here they compare
 * only with cells this format has (the fee is a count of items here, not an
 * amount: that figure goes), named with this format's labels.
 */
export const format2019: ReportFormat = {
  ...definition,
  narrative: { ...definition.narrative, figures: figuresWithin(definition.narrative.figures, new Set(formatCells(definition).map((c) => c.key))) },
};

function figuresWithin(rules: NarrativeFigureRules, cells: ReadonlySet<string>): NarrativeFigureRules {
  const known = (c: FigureComparison) => !("cells" in c.source) || c.source.cells.every((key) => cells.has(key));
  const relabel = (c: FigureComparison): FigureComparison => ({ ...c, label: c.label.replace("本年处理决定数量", "处理决定数量") });
  return {
    ...rules,
    figures: rules.figures.flatMap((figure) => {
      const [first, ...rest] = figure.compare.filter(known).map(relabel);
      return first ? [{ ...figure, compare: [first, ...rest] as const }] : [];
    }),
    none: rules.none.filter((none) => known(none.compare)).map((none) => ({ ...none, compare: relabel(none.compare) })),
  };
}
