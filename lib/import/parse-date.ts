// The signature date (落款日期) as offices write it: 2024年1月24日, in Chinese
// numerals (二〇二四年一月二十四日, often typed with ○ or 零 for 〇), or with
// dots, dashes or slashes (2024.1.24, 2024-01-24, 2024/1/24).
import { parseNumber } from "@/lib/report-format/narrative/chinese-numbers";

export interface DateReading {
  /** YYYY-MM-DD */
  iso: string;
  /** Written as the format prints dates ("2024年1月24日"); otherwise worth a note. */
  standard: boolean;
}

const ARABIC = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const SEPARATED = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^([〇一二三四五六七八九]{4})年([〇一二三四五六七八九十]{1,3})月([〇一二三四五六七八九十]{1,3})日$/;
/** 1–31 in Chinese numerals: 一 … 九, 十, 十一 … 十九, 二十 … 三十一. */
const CHINESE_DAY = /^(?:[一二三四五六七八九]|十[一二三四五六七八九]?|[二三]十[一二三四五六七八九]?)$/;

function toAscii(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．。]/g, ".")
    .replace(/[－—–]/g, "-")
    .replace(/／/g, "/")
    .replace(/[○◯Ｏ零]/g, "〇")
    .replace(/[\s\u3000]/g, "");
}

/** The date a line holds, or null when it holds something else or a date that does not exist. */
export function parseSignatureDate(line: string): DateReading | null {
  const text = toAscii(line);
  let parts: [string, string, string] | undefined;
  let standard = false;
  let match = ARABIC.exec(text);
  if (match) {
    parts = [match[1]!, match[2]!, match[3]!];
    standard = /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line.replace(/[\s\u3000]/g, ""));
  } else if ((match = SEPARATED.exec(text))) {
    parts = [match[1]!, match[3]!, match[4]!];
  } else if ((match = CHINESE.exec(text))) {
    const [, year = "", month = "", day = ""] = match;
    if (!CHINESE_DAY.test(month) || !CHINESE_DAY.test(day)) return null;
    parts = [String(parseNumber(year)), String(parseNumber(month)), String(parseNumber(day))];
  }
  if (!parts) return null;
  const [y, m, d] = parts;
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  // Reject dates that do not exist (2024年13月1日, 2023年2月30日).
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? { iso, standard } : null;
}

/** 2024-01-24 → 2024年1月24日 */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}
