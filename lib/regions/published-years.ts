// Which report years the public pages of a region offer: the years with at
// least one published report in it.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { todayInChina } from "@/lib/report-format";

/** Years with a published report by the government `governmentId` or any unit under it, newest first. */
export async function publishedYearsIn(governmentId: string, prisma: PrismaClient = db()): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ year: number }[]>`
    select distinct rp.year from organization u join report rp on rp.organization_id = u.id
     where (u.id = ${governmentId}::uuid or u.ancestor_ids @> array[${governmentId}::uuid])
       and exists (select 1 from report_revision v where v.report_id = rp.id and v.published_at is not null)
     order by rp.year desc`;
  return rows.map((row) => row.year);
}

/** The newest year with a published report anywhere, or null when nothing is published. */
export async function latestPublishedYear(prisma: PrismaClient = db()): Promise<number | null> {
  const [row] = await prisma.$queryRaw<{ year: number | null }[]>`
    select max(rp.year) as year from report rp
     where exists (select 1 from report_revision v where v.report_id = rp.id and v.published_at is not null)`;
  return row?.year ?? null;
}

/** With nothing published yet: last year, the newest a report can be published for. */
export function defaultYear(today = todayInChina()): number {
  return Number(today.slice(0, 4)) - 1;
}
