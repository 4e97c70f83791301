// Last year's report of the same organization: its latest published
// revision, or its working copy when nothing is published yet.
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { getFormat, type CellValue } from "@/lib/report-format";
import { cellRowsToValues } from "./cell-rows";

type Client = PrismaClient | Prisma.TransactionClient;

export async function previousYearReport(prisma: Client, organizationId: string, year: number) {
  const report = await prisma.report.findUnique({
    where: { organizationId_year: { organizationId, year: year - 1 } },
    include: {
      sections: true,
      cells: true,
      revisions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        take: 1,
        include: { cells: true },
      },
    },
  });
  if (!report) return null;
  const published = report.revisions[0];
  const format = getFormat(published?.formatVersion ?? report.formatVersion);
  return {
    values: cellRowsToValues(format, published?.cells ?? report.cells),
    sections: published
      ? (published.sections as Record<string, string>)
      : Object.fromEntries(report.sections.map((s) => [s.sectionKey, s.body])),
  };
}

export async function previousYearValues(
  prisma: Client,
  organizationId: string,
  year: number,
): Promise<Record<string, CellValue> | null> {
  return (await previousYearReport(prisma, organizationId, year))?.values ?? null;
}
