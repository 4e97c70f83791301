// Reading one typed cell value. Clerks paste from Word and type on Chinese
// input methods, so full-width digits are accepted; anything that is not a
// plain non-negative decimal numeral (or, for a 本年增/减 cell, a signed
// whole number) is refused with a message for that cell.
import type { CellKind } from "./types";

/** Largest count a cell may hold (the database column is a 32-bit integer). */
export const MAX_COUNT = 2_147_483_647;
/** Amounts are 万元 with up to 4 decimals (whole 元); NUMERIC(14,4) holds < 10^10. */
export const MAX_AMOUNT = 9_999_999_999.9999;
export const AMOUNT_DECIMALS = 4;
/** Longer input is refused before it is looked at (a pasted page, say). */
const MAX_INPUT_LENGTH = 32;

export type CellValue = number | null;

export type CellParseResult = { ok: true; value: CellValue } | { ok: false; message: string };

/**
 * Full-width digits, point and signs to ASCII; spaces around the number
 * removed. Spaces inside it are kept, so that "12 3" is refused rather than
 * read as 123.
 */
export function normaliseNumeral(raw: string): string {
  return raw
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．。]/g, ".")
    .replace(/[－—−]/g, "-")
    .replace(/＋/g, "+")
    .replace(/\u3000/g, " ")
    .trim();
}

/** What is said of input that is not a numeral of the cell's kind. */
const NOT_A_NUMERAL: Record<CellKind, string> = {
  count: "请输入非负整数",
  amount: "请输入金额数字（单位：万元）",
  change: "请输入整数，减少的写负数（如 -2）",
};

/** Reads what was typed (or sent: a request may hold `true`, `{}` or `[1]`, which get the cell's message too). */
export function parseCellInput(raw: unknown, kind: CellKind): CellParseResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === "number") return checkCellValue(raw, kind);
  if (typeof raw !== "string") return { ok: false, message: NOT_A_NUMERAL[kind] };
  if (raw.length > MAX_INPUT_LENGTH) return { ok: false, message: "输入过长，请只填写数字" };
  const text = normaliseNumeral(raw);
  if (text === "") return { ok: true, value: null };
  if (/\s/.test(text)) return { ok: false, message: "数字中间不能有空格" };
  if (kind === "change") {
    if (/^[+-]?\d+\.\d+$/.test(text)) return { ok: false, message: "增减数应为整数，不能有小数" };
    if (!/^[+-]?\d+$/.test(text)) return { ok: false, message: NOT_A_NUMERAL.change };
    return checkCellValue(Number(text), kind);
  }
  if (/^-/.test(text)) return { ok: false, message: "不能为负数" };
  if (kind === "count") {
    if (/^\d+\.\d+$/.test(text)) return { ok: false, message: "件数应为整数，不能有小数" };
    if (!/^\d+$/.test(text)) return { ok: false, message: NOT_A_NUMERAL.count };
  } else {
    if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, message: NOT_A_NUMERAL.amount };
  }
  return checkCellValue(Number(text), kind);
}

/** Range and precision of a value already held as a number (R10). */
export function checkCellValue(value: number, kind: CellKind): CellParseResult {
  if (!Number.isFinite(value)) return { ok: false, message: "请输入数字" };
  if (kind === "change") {
    if (!Number.isInteger(value)) return { ok: false, message: "增减数应为整数，不能有小数" };
    if (Math.abs(value) > MAX_COUNT) return { ok: false, message: "数值过大" };
    return { ok: true, value };
  }
  if (value < 0) return { ok: false, message: "不能为负数" };
  if (kind === "count") {
    if (!Number.isInteger(value)) return { ok: false, message: "件数应为整数，不能有小数" };
    if (value > MAX_COUNT) return { ok: false, message: "数值过大" };
  } else {
    if (value > MAX_AMOUNT) return { ok: false, message: "数值过大" };
    if (decimalPlaces(value) > AMOUNT_DECIMALS) {
      return { ok: false, message: `金额最多保留${AMOUNT_DECIMALS}位小数` };
    }
  }
  return { ok: true, value };
}

function decimalPlaces(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return Number.POSITIVE_INFINITY;
  const point = text.indexOf(".");
  return point === -1 ? 0 : text.length - point - 1;
}
