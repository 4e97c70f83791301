// 发布日期 is a moment; the statistical year is the calendar year in China
// Standard Time (UTC+8, no daylight saving). An item published at 2023-12-31
// 23:30 in 雷官镇 is a 2023 item although it is 15:30 UTC; one published at
// 2024-01-01 00:30 is a 2024 item although UTC still says 2023.
import { todayInChina } from "@/lib/report-format";

const CHINA_OFFSET_MS = 8 * 3600_000;

/** [start, end) of the calendar year in China time, as instants. */
export function yearRangeInChina(year: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS),
    end: new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS),
  };
}

/** The calendar year of an instant in China time. */
export function yearInChina(instant: Date): number {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** "2024-01-24" (China date) of an instant: the reports' own helper. */
export const dateInChina = (instant: Date): string => todayInChina(instant);

/** "2024-01-24 09:30" (China time) of an instant. */
export function dateTimeInChina(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * "2024-01-24", "2024-01-24 09:30" or "2024-01-24T09:30[:ss]" read as China
 * time; null when it is not such a date (or not a real calendar date).
 */
export function parseChinaDateTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = match.slice(1).map((part) => part ?? undefined) as string[];
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return null;
  return new Date(utc - CHINA_OFFSET_MS);
}

/** A calendar date ("2024-01-24") as the Date Prisma stores in a DATE column. */
export function dateOnly(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}
