// Published figures across years (one unit) and across units (one
// government's, one year): the latest published revision of each report,
// never a draft.
import "server-only";
import { readDb } from "@/lib/db/client";
import { isGovernment } from "@/lib/organizations/tree";
import { getFormat, type CellValue, type ReportFormat } from "@/lib/report-format";
import { cellRowsToValues } from "@/lib/reports/cell-rows";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";

async function latestPublished(where: { organizationSlug?: string; governmentId?: string; year?: number }, cells?: readonly string[]) {
  const reports = await readDb().report.findMany({
    where: {
      ...(where.year ? { year: where.year } : {}),
      ...(where.organizationSlug ? { organization: { slug: where.organizationSlug } } : {}),
      ...(where.governmentId
        ? { organization: { OR: [{ id: where.governmentId }, { parentId: where.governmentId }] } }
        : {}),
      revisions: { some: { publishedAt: { not: null } } },
    },
    orderBy: [{ year: "asc" }, { organization: { name: "asc" } }],
    include: {
      organization: { select: { slug: true, name: true, shortName: true, kind: true } },
      revisions: { where: { publishedAt: { not: null } }, orderBy: { number: "desc" }, take: 1, include: { cells: cells ? { where: { OR: cells.map(cellWhere) } } : true } },
    },
  });
  return reports.flatMap((report) => {
    const revision = report.revisions[0];
    if (!revision) return [];
    const format = getFormat(revision.formatVersion);
    return [{ organization: report.organization, year: report.year, format, values: cellRowsToValues(format, revision.cells) }];
  });
}

/** A cell key (table.row.column) as a condition on a stored cell. */
function cellWhere(key: string) {
  const [tableKey, rowKey, columnKey] = key.split(".");
  return { tableKey: tableKey!, rowKey: rowKey!, columnKey: columnKey! };
}

export interface PublishedFigures {
  organization: { slug: string; name: string; shortName: string; kind: OrganizationKind };
  year: number;
  format: ReportFormat;
  values: Record<string, CellValue>;
}

export function getUnitHistory(organizationSlug: string): Promise<PublishedFigures[]> {
  return latestPublished({ organizationSlug });
}

/**
 * A government's units for one year, side by side: the government itself and
 * every unit directly under it — its departments, its townships, and the
 * governments of the level below (条例第三条: each level's 主管部门 oversees
 * its own departments and the governments below it). A county lists its
 * townships and departments; a city its departments and counties; a province
 * its departments and cities. Only the `cells` given are read, when given (a
 * page shows a few dozen figures of each report's 200 cells). Null when
 * `slug` is not a government.
 */
export async function getGovernmentYear(slug: string, year: number, cells?: readonly string[]) {
  const government = await readDb().organization.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, kind: true, ancestorIds: true },
  });
  if (!government || !isGovernment(government.kind)) return null;
  const units = await latestPublished({ governmentId: government.id, year }, cells);
  // The government's own report first, then the governments below, then the rest.
  const rank = (unit: PublishedFigures) => (unit.organization.slug === government.slug ? 0 : isGovernment(unit.organization.kind) ? 1 : 2);
  return { government, units: units.sort((a, b) => rank(a) - rank(b)) };
}
