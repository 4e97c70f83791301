// The rule engine: checks a report against its format's consistency rules
// (勾稽关系) and its narrative against the tables and other reports. Blocking
// errors stop submission; warnings need an explanation. The editor, the
// server, the import and the board all call checkReport.
import { cellKey, cellsOfTable, formatCells } from "./cells";
import { checkCellValue } from "./cell-value";
import { formatChineseDate, publicationDeadline } from "./deadlines";
import { makeFinding, type Finding, type RuleInput } from "./findings";
import { checkNarrativeFigures } from "./narrative/figures";
import { checkPercentages } from "./narrative/percentages";
import { checkSimilarity } from "./narrative/similarity";
import { checkStaleText } from "./narrative/stale-text";
import { checkStructure } from "./narrative/structure";
import { formatForYear } from "./registry";
import type { CellDef, ReportFormat, RuleId } from "./types";
import { sumOf } from "./values";

export * from "./findings";

export function checkReport(input: RuleInput): Finding[] {
  return [...checkTablesAndFields(input), ...checkNarrative(input)];
}

/** The rules over the tables and the title and date: cheap enough for every keystroke. */
export function checkTablesAndFields(input: RuleInput): Finding[] {
  return [
    ...checkEmptyCells(input),
    ...checkValues(input),
    ...checkSums(input),
    ...checkBalance(input),
    ...checkCarryOver(input),
    ...checkStock(input),
    ...checkZeroForKinds(input),
    ...checkCatalog(input),
    ...checkTitle(input),
    ...checkSignatureDate(input),
    ...checkFormatVersion(input),
  ];
}

/** The rules over the narrative (against the tables, last year's report and other units'); none without sections. */
export function checkNarrative(input: RuleInput): Finding[] {
  return [...checkNarrativeAgainstTables(input), ...checkNarrativeText(input)];
}

/** R8: the figures the text states, read against the tables (and the catalog). */
export function checkNarrativeAgainstTables(input: RuleInput): Finding[] {
  return input.sections ? checkNarrativeFigures(input) : [];
}

/**
 * The checks of the text that do not read the tables — structure, percentages,
 * last year's sentences, 雷同 — and the costlier part: the editor runs them
 * again only when the text changes, not when a cell does.
 */
export function checkNarrativeText(input: Omit<RuleInput, "values">): Finding[] {
  if (!input.sections) return [];
  const text = { ...input, values: {} };
  return [...checkStructure(text), ...checkPercentages(text), ...checkStaleText(text), ...checkSimilarity(text)];
}

function finding(format: ReportFormat, rule: RuleId, detail: string, cells: string[], field?: Finding["field"]): Finding {
  return makeFinding(format, rule, detail, { cells, field });
}

const show = (value: number | null | undefined) => (value === null || value === undefined ? "空" : String(value));

function columnLabel(cell: CellDef): string {
  return cell.columnPath[cell.columnPath.length - 1] ?? cell.column;
}

/** Every cell filled: one finding for all empty cells, however many, so every screen counts them alike. */
function checkEmptyCells({ format, values }: RuleInput): Finding[] {
  const empty = formatCells(format).filter((cell) => values[cell.key] === null || values[cell.key] === undefined);
  if (empty.length === 0) return [];
  const first = empty[0]!;
  const detail = empty.length === 1 ? `${first.name} 未填写` : `${empty.length} 个单元格未填写（第一个：${first.name}）`;
  return [finding(format, "empty-cells", detail, empty.map((cell) => cell.key))];
}

/** R10: every filled cell a non-negative integer count or a 4-decimal amount. */
function checkValues({ format, values }: RuleInput): Finding[] {
  return formatCells(format).flatMap((cell) => {
    const value = values[cell.key];
    if (value === null || value === undefined) return [];
    const checked = checkCellValue(value, cell.kind);
    return checked.ok ? [] : [finding(format, "R10", `${cell.name} ${value}：${checked.message}`, [cell.key])];
  });
}

/** R2–R4: each computed total equals the sum of its parts. */
function checkSums({ format, values }: RuleInput): Finding[] {
  return formatCells(format).flatMap((cell) => {
    if (!cell.sum) return [];
    const given = values[cell.key];
    const parts = cell.sum.of.map((key) => values[key]);
    if (given === null || given === undefined || parts.some((v) => v === null || v === undefined)) return [];
    const total = sumOf(values, cell.sum.of) ?? 0;
    if (total === given) return [];
    const where = cell.sum.along === "row" ? cell.rowPath.join(" ") : `${columnLabel(cell)}列`;
    const sumText = parts.length <= 6 ? `${parts.map(show).join(" + ")}` : `各项之和 ${total}`;
    return [finding(format, cell.sum.rule, `${where} ${sumText} ≠ ${given}`, [cell.key, ...cell.sum.of])];
  });
}

/**
 * R1, printed in table 三: per column, 一 + 二 = （七）总计 + 四. A column is
 * checked as soon as any of its four cells is filled; empty ones count as 0.
 */
function checkBalance({ format, values }: RuleInput): Finding[] {
  const { rule, table, left, right } = format.rules.balance;
  const columns = cellsOfTable(format, table).filter((c) => c.row === left[0]);
  return columns.flatMap((column) => {
    const leftKeys = left.map((row) => cellKey(table, row, column.column));
    const rightKeys = right.map((row) => cellKey(table, row, column.column));
    const all = [...leftKeys, ...rightKeys].map((key) => values[key]);
    if (all.every((v) => v === null || v === undefined)) return [];
    if ((sumOf(values, leftKeys) ?? 0) === (sumOf(values, rightKeys) ?? 0)) return [];
    const side = (keys: string[]) => keys.map((k) => String(values[k] ?? 0)).join(" + ");
    return [
      finding(format, rule, `${columnLabel(column)}列 ${side(leftKeys)} ≠ ${side(rightKeys)}`, [
        ...leftKeys,
        ...rightKeys,
      ]),
    ];
  });
}

/** R6: this year's 上年结转 = last year's 结转下年度继续办理, per column. */
function checkCarryOver({ format, values, previous }: RuleInput): Finding[] {
  if (!previous) return [];
  const { rule, table, row, fromRow } = format.rules.carryOver;
  return cellsOfTable(format, table)
    .filter((cell) => cell.row === row)
    .flatMap((cell) => {
      const now = values[cell.key];
      const before = previous[cellKey(table, fromRow, cell.column)];
      if (now === null || now === undefined || before === null || before === undefined || now === before) {
        return [];
      }
      return [finding(format, rule, `${columnLabel(cell)}列 本年填报 ${now}，上年结转下年度继续办理为 ${before}`, [cell.key])];
    });
}

/** R7 and R12: the stock of documents in force carries over from last year. */
function checkStock({ format, values, previous }: RuleInput): Finding[] {
  if (!previous || !format.rules.stock) return [];
  const { table, rows, issued, repealed, inForce } = format.rules.stock;
  return rows.flatMap((row) => {
    const key = (column: string) => cellKey(table, row, column);
    const label = cellsOfTable(format, table).find((c) => c.row === row)?.rowPath.join(" ") ?? row;
    const [lastInForce, nowIssued, nowRepealed, nowInForce] = [
      previous[key(inForce)],
      values[key(issued)],
      values[key(repealed)],
      values[key(inForce)],
    ];
    if ([lastInForce, nowIssued, nowRepealed, nowInForce].some((v) => v === null || v === undefined)) return [];
    const [a, b, c, d] = [lastInForce!, nowIssued!, nowRepealed!, nowInForce!];
    const found: Finding[] = [];
    if (c > a + b) {
      found.push(finding(format, "R12", `${label} 废止 ${c} > 上年现行有效 ${a} + 本年制发 ${b}`, [key(repealed)]));
    }
    if (d !== a + b - c) {
      found.push(
        finding(format, "R7", `${label} ${d} ≠ 上年 ${a} + 制发 ${b} − 废止 ${c}`, [key(inForce)]),
      );
    }
    return found;
  });
}

/** R11: a township or county-level body cannot make 规章. */
function checkZeroForKinds({ format, values, organization }: RuleInput): Finding[] {
  const { rule, table, row, kinds } = format.rules.zeroForKinds;
  if (!kinds.includes(organization.kind)) return [];
  const nonZero = cellsOfTable(format, table).filter((cell) => cell.row === row && (values[cell.key] ?? 0) !== 0);
  if (nonZero.length === 0) return [];
  const detail = nonZero.map((cell) => `${cell.name} ${values[cell.key]}`).join("，");
  return [finding(format, rule, detail, nonZero.map((cell) => cell.key))];
}

/** Table 二 against the unit's catalog, when the catalog has the year: the figures it can count must agree. */
function checkCatalog({ format, values, catalog }: RuleInput): Finding[] {
  if (!catalog || catalog.total === 0) return [];
  return formatCells(format).flatMap((cell) => {
    const counted = catalog.cells[cell.key];
    const reported = values[cell.key];
    if (counted === undefined || reported === null || reported === undefined || reported === counted) return [];
    return [finding(format, "catalog", `表二“${cell.name}”填报为${reported}，目录统计为${counted}`, [cell.key])];
  });
}

function checkTitle({ format, organization, year, title }: RuleInput): Finding[] {
  const expected = format.titlePattern(organization.name, year);
  if (title.trim() === expected) return [];
  return [finding(format, "title", `应为“${expected}”，现为“${title.trim()}”`, [], "title")];
}

/** 落款 date: in the year after the report year, by the publication deadline. */
function checkSignatureDate({ format, organization, year, signedOn }: RuleInput): Finding[] {
  if (!signedOn) return [finding(format, "signature-missing", "请填写落款日期", [], "signedOn")];
  const deadline = publicationDeadline(organization.kind, year);
  const signedYear = Number(signedOn.slice(0, 4));
  const shown = formatChineseDate(signedOn);
  if (signedYear <= year) {
    const where = signedYear === year ? "在报告年度内" : "早于报告年度";
    return [
      finding(format, "signature-date", `${shown}${where}，应在${year + 1}年，年份可能有误`, [], "signedOn"),
    ];
  }
  if (signedOn > deadline) {
    return [
      finding(format, "signature-date", `${shown}晚于报送期限${formatChineseDate(deadline)}`, [], "signedOn"),
    ];
  }
  return [];
}

function checkFormatVersion({ format, year }: RuleInput): Finding[] {
  const expected = formatForYear(year);
  if (expected?.version === format.version) return [];
  const should = expected ? `${year}年度报告应使用${expected.version}年格式` : `${year}年度没有可用的格式`;
  return [finding(format, "format-version", `${should}，现为${format.version}年格式`, [])];
}
