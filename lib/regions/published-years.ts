// Which report years the public region pages offer, and which they open at:
// the years with a published report anywhere in the installation, the same
// for every region, so that going down from a province to a township keeps
// the year (a region that has published nothing for a year shows its zeros).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/client";
import { todayInChina } from "@/lib/report-format";

/**
 * Years with a published report, newest first. A skip scan of the report
 * index on (year, status): one probe per year, however many reports a year
 * holds. It reads the status, so a year whose every published report is
 * being corrected at that moment is left out (its pages still answer).
 */
export async function listPublishedYears(prisma: PrismaClient = readDb()): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ year: number }[]>`
    with recursive years as (
      (select rp.year from report rp where rp.status = 'PUBLISHED' order by rp.year desc limit 1)
      union all
      select (select rp.year from report rp where rp.status = 'PUBLISHED' and rp.year < y.year order by rp.year desc limit 1)
        from years y where y.year is not null
    )
    select year from years where year is not null`;
  return rows.map((row) => row.year);
}

/** With nothing published yet: last year, the newest a report can be published for. */
export function defaultYear(today = todayInChina()): number {
  return Number(today.slice(0, 4)) - 1;
}
