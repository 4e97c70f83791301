// Units clerks type after a number in a table cell: 58（件）, 58件, 3 条,
// 26.55万元, 2,655 元. Counts take 件/个/条/项; the fee amount is in 万元
// (格式: 本年收费金额（单位：万元）), so an amount in 元 is converted exactly,
// by moving the decimal point, never by floating-point division.
import { normaliseNumeral, type CellKind } from "@/lib/report-format";

const COUNT_UNITS = ["件", "个", "条", "项"];
const UNIT_SUFFIX = /^(.*?)[（(]?(件|个|条|项|万元|元)[）)]?$/;
const NUMERAL = /^[+-]?[\d.,，]+$/;

export type CellReading =
  /** `numeral` is ready for parseCellInput; `yuan` is set when an amount in 元 was converted. */
  | { kind: "number"; numeral: string; yuan?: boolean }
  | { kind: "wrong-unit"; unit: string }
  | { kind: "not-number" };

/** True when the text is a number, with or without a unit. */
export function looksNumeric(text: string): boolean {
  const bare = normaliseNumeral(text);
  return NUMERAL.test((UNIT_SUFFIX.exec(bare)?.[1] ?? bare).trim());
}

export function readCellText(text: string, kind: CellKind): CellReading {
  const bare = normaliseNumeral(text);
  const match = UNIT_SUFFIX.exec(bare);
  // A space may stand between the number and its unit ("2,655 元"), not inside the number.
  const number = (match ? match[1]! : bare).trim();
  const numeral = number.replace(/[,，]/g, "");
  const unit = match?.[2];
  if (!NUMERAL.test(number) || numeral === "") return { kind: "not-number" };
  if (!unit) return { kind: "number", numeral };
  if (kind !== "amount") return COUNT_UNITS.includes(unit) ? { kind: "number", numeral } : { kind: "wrong-unit", unit };
  if (unit === "万元") return { kind: "number", numeral };
  if (unit === "元") return { kind: "number", numeral: yuanToWanYuan(numeral), yuan: true };
  return { kind: "wrong-unit", unit };
}

/** "2655" → "0.2655", "26550" → "2.655": the decimal point moved four places left. */
export function yuanToWanYuan(numeral: string): string {
  if (!/^\d+(\.\d+)?$/.test(numeral)) return numeral;
  const [whole = "", fraction = ""] = numeral.split(".");
  const digits = whole.padStart(5, "0") + fraction;
  const point = Math.max(whole.length, 5) - 4;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const decimals = digits.slice(point).replace(/0+$/, "");
  return decimals ? `${integer}.${decimals}` : integer;
}
