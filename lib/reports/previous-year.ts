// Last year's report of an organization: its latest published revision, or
// its working copy when nothing is published yet. Where last year used another
// format (2020 in the 2019 trial format), `previousValuesFor` gives only the
// cells the formats declare to mean the same, so no rule compares figures
// that mean different things.
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { comparableValues, getFormat, type CellValue, type ReportFormat } from "@/lib/report-format";
import { cellRowsToValues } from "./cell-rows";

type Client = PrismaClient | Prisma.TransactionClient;

export interface PreviousReport {
  /** Last year's figures, in last year's format (read them through previousValuesFor). */
  values: Record<string, CellValue>;
  /** The format last year's report used. */
  formatVersion: string;
  sections: Record<string, string>;
}

/** Last year's reports of several organizations, in one query, by organization id. */
export async function previousYearReports(
  prisma: Client,
  organizationIds: readonly string[],
  year: number,
): Promise<Map<string, PreviousReport>> {
  const reports = await prisma.report.findMany({
    where: { organizationId: { in: [...organizationIds] }, year: year - 1 },
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
  return new Map(
    reports.map((report) => {
      const published = report.revisions[0];
      const format = getFormat(published?.formatVersion ?? report.formatVersion);
      const values = cellRowsToValues(format, published?.cells ?? report.cells);
      return [
        report.organizationId,
        {
          values,
          formatVersion: format.version,
          sections: published
            ? (published.sections as Record<string, string>)
            : Object.fromEntries(report.sections.map((s) => [s.sectionKey, s.body])),
        },
      ];
    }),
  );
}

/** Last year's figures as cells of `format` (this report's): those without a counterpart are left out. */
export function previousValuesFor(previous: PreviousReport, format: ReportFormat): Record<string, CellValue> {
  return comparableValues(getFormat(previous.formatVersion), format, previous.values);
}

export async function previousYearReport(prisma: Client, organizationId: string, year: number): Promise<PreviousReport | null> {
  return (await previousYearReports(prisma, [organizationId], year)).get(organizationId) ?? null;
}

export async function previousYearValues(
  prisma: Client,
  organizationId: string,
  year: number,
): Promise<Record<string, CellValue> | null> {
  return (await previousYearReport(prisma, organizationId, year))?.values ?? null;
}
