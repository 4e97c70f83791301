// When a unit's report for `year` must be published (条例第四十九条): the
// departments of governments at county level and above, 1月31日; a people's
// government of county level and above (县、设区的市、省) itself, 3月31日
// (published by its 主管部门). Townships are not named in the 条例; local rules
// commonly hold them to the departments' date, which is the default here. A
// county can set its own dates per kind of unit and per year (DeadlineSchedule,
// kept in the database by lib/deadlines/deadline-settings.ts).
export type OrganizationKindName = "PROVINCE_GOVERNMENT" | "CITY_GOVERNMENT" | "COUNTY_GOVERNMENT" | "TOWNSHIP" | "DEPARTMENT";

export const nationalDeadlines: Readonly<Record<OrganizationKindName, string>> = {
  PROVINCE_GOVERNMENT: "03-31",
  CITY_GOVERNMENT: "03-31",
  COUNTY_GOVERNMENT: "03-31",
  DEPARTMENT: "01-31",
  TOWNSHIP: "01-31",
};

/** A county's own dates: MM-DD per kind every year, and YYYY-MM-DD for one report year. */
export interface DeadlineSchedule {
  defaults: Partial<Record<OrganizationKindName, string>>;
  /** By `${kind}:${year}`. */
  overrides: Readonly<Record<string, string>>;
}

export const overrideKey = (kind: OrganizationKindName, year: number) => `${kind}:${year}`;

/** The last day (YYYY-MM-DD) to publish the report for `year`. */
export function publicationDeadline(kind: OrganizationKindName, year: number, schedule?: DeadlineSchedule): string {
  return (
    schedule?.overrides[overrideKey(kind, year)] ??
    `${year + 1}-${schedule?.defaults[kind] ?? nationalDeadlines[kind]}`
  );
}

/** "2024-01-24" → "2024年1月24日" */
export function formatChineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** Today's date (YYYY-MM-DD) in China Standard Time, which deadlines are in. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whole days from `today` to `deadline` (both YYYY-MM-DD); negative when past. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
}

/**
 * The year whose report a unit is working on: last year's until its deadline
 * has passed, then this year's.
 */
export function currentReportYear(kind: OrganizationKindName, today: string, schedule?: DeadlineSchedule): number {
  const year = Number(today.slice(0, 4));
  return today <= publicationDeadline(kind, year - 1, schedule) ? year - 1 : year;
}
