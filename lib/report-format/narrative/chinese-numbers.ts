// Numbers as reports write them: 128, １２８ (typed on a Chinese input
// method), 1,280, 26.55, and Chinese numerals (两件, 十二件, 一百零五条,
// 三千二百条, 〇/零).

const DIGIT_NUMBER = "[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?";
const DIGITS_ONLY = new RegExp(`^${DIGIT_NUMBER}$`);
/** 万 only as a numeral, not as the 万 of 万元 ("两万元" is 2 万元). */
const CHINESE_NUMBER = "(?:[零〇一二两三四五六七八九十百千]|万(?!元))+";

/** Regular-expression source of one number, digits or Chinese; no groups. */
export const NUMBER_PATTERN = `(?:${DIGIT_NUMBER}|${CHINESE_NUMBER})`;

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** Full-width digits and point to ASCII, thousands separators dropped. */
function asciiDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/．/g, ".")
    .replace(/,/g, "");
}

function parseChinese(text: string): number | null {
  const chars = [...text];
  if (chars.some((c) => !(c in DIGITS) && !(c in SMALL_UNITS) && !(c in LARGE_UNITS))) return null;
  // "一二〇" read digit by digit (some write numbers so); otherwise place values.
  if (chars.length > 1 && chars.every((c) => c in DIGITS)) {
    return Number(chars.map((c) => DIGITS[c]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    const d = DIGITS[c];
    const small = SMALL_UNITS[c];
    const large = LARGE_UNITS[c];
    if (d !== undefined) digit = d;
    else if (small !== undefined) {
      // "十二" is 12: a unit with no digit before it counts once.
      section += (digit ?? 1) * small;
      digit = null;
    } else if (large !== undefined) {
      total += (section + (digit ?? 0)) * large;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** The value of a number as written, or null when the text is not one number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (DIGITS_ONLY.test(trimmed)) return Number(asciiDigits(trimmed));
  if (trimmed.length === 0) return null;
  return parseChinese(trimmed);
}

/** Digits after the decimal point as written ("78.1" → 1): the precision a figure is shown to. */
export function decimalsOf(text: string): number {
  const ascii = asciiDigits(text.trim());
  const point = ascii.indexOf(".");
  return point < 0 ? 0 : ascii.length - point - 1;
}
