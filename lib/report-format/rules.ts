// The rule engine: checks a report against its format's consistency rules
// (勾稽关系). Blocking errors stop submission; warnings need an explanation.
import { cellKey, cellsOfTable, formatCells } from "./cells";
import { checkCellValue } from "./cell-value";
import { formatChineseDate, publicationDeadline, type OrganizationKindName } from "./deadlines";
import { formatForYear } from "./registry";
import type { CellDef, ReportFormat, RuleId, Severity } from "./types";
import { sumOf, type ReportValues } from "./values";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Chinese: the rule in plain words, then the concrete numbers. */
  message: string;
  /** Cell keys the finding concerns (shown beside those cells). */
  cells: string[];
  /** Report field it concerns when not a cell: "title", "signedOn". */
  field?: "title" | "signedOn";
}

export interface RuleInput {
  format: ReportFormat;
  organization: { name: string; kind: OrganizationKindName };
  year: number;
  title: string;
  /** YYYY-MM-DD, or null when not yet filled in. */
  signedOn: string | null;
  values: ReportValues;
  /** Last year's values, when the organization has a report for it. */
  previous?: ReportValues | null;
}

export function checkReport(input: RuleInput): Finding[] {
  return [
    ...checkValues(input),
    ...checkSums(input),
    ...checkBalance(input),
    ...checkCarryOver(input),
    ...checkStock(input),
    ...checkZeroForKinds(input),
    ...checkTitle(input),
    ...checkSignatureDate(input),
    ...checkFormatVersion(input),
  ];
}

/** A stable id of a finding within one report, for the clerk's explanation of a warning. */
export function findingId(finding: Finding): string {
  return `${finding.rule}:${finding.field ?? finding.cells.join(",")}`;
}

export function hasBlockingErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

function finding(
  format: ReportFormat,
  rule: RuleId,
  detail: string,
  cells: string[],
  field?: Finding["field"],
): Finding {
  const meta = format.rules.meta[rule];
  return {
    rule,
    severity: meta.severity,
    message: `${meta.statement}：${detail}`,
    cells,
    ...(field ? { field } : {}),
  };
}

const show = (value: number | null | undefined) => (value === null || value === undefined ? "空" : String(value));

function columnLabel(cell: CellDef): string {
  return cell.columnPath[cell.columnPath.length - 1] ?? cell.column;
}

/** R10: every cell filled with a non-negative integer count or a 4-decimal amount. */
function checkValues({ format, values }: RuleInput): Finding[] {
  return formatCells(format).flatMap((cell) => {
    const value = values[cell.key];
    if (value === null || value === undefined) {
      return [finding(format, "R10", `${cell.name} 未填写（没有数据请填 0）`, [cell.key])];
    }
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
  if (!previous) return [];
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

function checkTitle({ format, organization, year, title }: RuleInput): Finding[] {
  const expected = format.titlePattern(organization.name, year);
  if (title.trim() === expected) return [];
  return [finding(format, "title", `应为“${expected}”，现为“${title.trim()}”`, [], "title")];
}

/** 落款 date: in the year after the report year, by the publication deadline. */
function checkSignatureDate({ format, organization, year, signedOn }: RuleInput): Finding[] {
  if (!signedOn) return [finding(format, "signature-date", "未填写落款日期", [], "signedOn")];
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
