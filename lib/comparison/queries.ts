// Published figures across years (one unit) and across units (one county, one
// year): the latest published revision of each report, never a draft.
import "server-only";
import { db } from "@/lib/db/client";
import { getFormat, type CellValue, type ReportFormat } from "@/lib/report-format";
import { cellRowsToValues } from "@/lib/reports/cell-rows";

async function latestPublished(where: { organizationSlug?: string; countySlug?: string; year?: number }) {
  const reports = await db().report.findMany({
    where: {
      ...(where.year ? { year: where.year } : {}),
      ...(where.organizationSlug ? { organization: { slug: where.organizationSlug } } : {}),
      ...(where.countySlug
        ? { organization: { OR: [{ slug: where.countySlug }, { parent: { slug: where.countySlug } }] } }
        : {}),
      revisions: { some: { publishedAt: { not: null } } },
    },
    orderBy: [{ year: "asc" }, { organization: { name: "asc" } }],
    include: {
      organization: { select: { slug: true, name: true, shortName: true, kind: true } },
      revisions: { where: { publishedAt: { not: null } }, orderBy: { number: "desc" }, take: 1, include: { cells: true } },
    },
  });
  return reports.flatMap((report) => {
    const revision = report.revisions[0];
    if (!revision) return [];
    const format = getFormat(revision.formatVersion);
    return [{ organization: report.organization, year: report.year, format, values: cellRowsToValues(format, revision.cells) }];
  });
}

export interface PublishedFigures {
  organization: { slug: string; name: string; shortName: string; kind: string };
  year: number;
  format: ReportFormat;
  values: Record<string, CellValue>;
}

export function getUnitHistory(organizationSlug: string): Promise<PublishedFigures[]> {
  return latestPublished({ organizationSlug });
}

export async function getCountyYear(countySlug: string, year: number) {
  const county = await db().organization.findUnique({ where: { slug: countySlug }, select: { name: true, kind: true } });
  if (!county || county.kind !== "COUNTY_GOVERNMENT") return null;
  return { county, units: await latestPublished({ countySlug, year }) };
}
