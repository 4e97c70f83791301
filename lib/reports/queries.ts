// Public reads: only published revisions, never a working copy.
import "server-only";
import { cleanQuery } from "@/lib/validation/plain-text";
import { readDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getFormat, type ReportFormat } from "@/lib/report-format";
import type { CellValue, OrganizationKindName } from "@/lib/report-format";
import { isGovernment, subtreeWhere } from "@/lib/organizations/tree";
import { cellRowsToValues } from "./cell-rows";

export interface PublishedReportView {
  format: ReportFormat;
  organization: { slug: string; name: string; shortName: string; code: string | null; parent: string | null };
  year: number;
  /** The internal revision number (submissions count): for staff screens. */
  revision: number;
  /** The public edition: 第1版 is the first publication, 第2版 the first correction published, … */
  edition: number;
  /** The revision's id: a published revision never changes, so it names its content. */
  revisionId: string;
  title: string;
  publishedAt: Date;
  signatureLine: string;
  /** YYYY-MM-DD */
  signedOn: string | null;
  sections: Record<string, string>;
  values: Record<string, CellValue>;
  indexNumber: string | null;
  /** Every published revision, oldest first: the 更正记录, each with its edition. */
  history: { number: number; edition: number; publishedAt: Date; correctionReason: string | null }[];
  /** Whether this is the latest published revision. */
  isLatest: boolean;
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * A published revision of an organization's report for a year: the latest,
 * or the given edition (the public numbering, which counts publications only:
 * internal submissions that were returned never show). Unpublished revisions
 * are never returned.
 */
export async function getPublishedReport(
  organizationSlug: string,
  year: number,
  edition?: number,
  prisma: PrismaClient = readDb(),
): Promise<PublishedReportView | null> {
  const published = await prisma.reportRevision.findMany({
    where: { publishedAt: { not: null }, report: { year, organization: { slug: organizationSlug } } },
    orderBy: { number: "asc" },
    select: { id: true },
  });
  const chosen = edition === undefined ? published.at(-1) : published[edition - 1];
  if (!chosen) return null;
  const revision = await prisma.reportRevision.findUnique({
    where: { id: chosen.id },
    include: {
      cells: true,
      report: {
        select: {
          year: true,
          organization: { include: { parent: { select: { name: true } } } },
          revisions: {
            where: { publishedAt: { not: null } },
            orderBy: { number: "asc" },
            select: { number: true, publishedAt: true, correctionReason: true },
          },
        },
      },
    },
  });
  if (!revision || !revision.publishedAt) return null;
  const history = revision.report.revisions.map((r, i) => ({
    number: r.number,
    edition: i + 1,
    publishedAt: r.publishedAt!,
    correctionReason: r.correctionReason,
  }));
  const format = getFormat(revision.formatVersion);
  const organization = revision.report.organization;
  return {
    format,
    organization: {
      slug: organization.slug,
      name: organization.name,
      shortName: organization.shortName,
      code: organization.code,
      parent: organization.parent?.name ?? null,
    },
    year: revision.report.year,
    revision: revision.number,
    edition: history.find((h) => h.number === revision.number)!.edition,
    revisionId: revision.id,
    title: revision.title,
    publishedAt: revision.publishedAt,
    signatureLine: revision.signatureLine,
    signedOn: isoDate(revision.signedOn),
    sections: revision.sections as Record<string, string>,
    values: cellRowsToValues(format, revision.cells),
    indexNumber: revision.indexNumber,
    history,
    isLatest: history.at(-1)?.number === revision.number,
  };
}

export interface PublishedReportListItem {
  organizationSlug: string;
  organizationName: string;
  kind: OrganizationKindName;
  /** The government whose portal lists the report: itself for a government, else the government it reports to. */
  governmentName: string;
  governmentSlug: string;
  year: number;
  title: string;
  publishedAt: Date;
}

/** The most reports one listing returns: a search narrower than that is complete. */
export const PUBLISHED_LIST_LIMIT = 2000;

/**
 * Published reports, newest year first, optionally filtered by a unit's name
 * (full or short), by year and by region (the government `regionId` and
 * every unit under it). Only organizations with a published revision.
 */
export async function listPublishedReports(
  filter: { q?: string; year?: number; regionId?: string } = {},
  prisma: PrismaClient = readDb(),
): Promise<PublishedReportListItem[]> {
  // LIKE wildcards in a search are taken literally: dropped, since unit names have none.
  const q = cleanQuery(filter.q)?.replace(/[%_\\]/g, "").trim();
  const organization = [
    ...(q ? [{ OR: [{ name: { contains: q } }, { shortName: { contains: q } }, { parent: { name: { contains: q } } }] }] : []),
    ...(filter.regionId ? [subtreeWhere([filter.regionId])] : []),
  ];
  const reports = await prisma.report.findMany({
    where: {
      revisions: { some: { publishedAt: { not: null } } },
      ...(filter.year ? { year: filter.year } : {}),
      ...(organization.length > 0 ? { organization: { AND: organization } } : {}),
    },
    orderBy: [{ year: "desc" }, { organization: { name: "asc" } }],
    take: PUBLISHED_LIST_LIMIT,
    select: {
      year: true,
      organization: { select: { slug: true, name: true, kind: true, parent: { select: { name: true, slug: true } } } },
      revisions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        take: 1,
        select: { title: true, publishedAt: true },
      },
    },
  });
  return reports.flatMap((report) => {
    const latest = report.revisions[0];
    if (!latest?.publishedAt) return [];
    const { organization } = report;
    return [
      {
        organizationSlug: organization.slug,
        organizationName: organization.name,
        kind: organization.kind,
        governmentName: isGovernment(organization.kind) || !organization.parent ? organization.name : organization.parent.name,
        governmentSlug: isGovernment(organization.kind) || !organization.parent ? organization.slug : organization.parent.slug,
        year: report.year,
        title: latest.title,
        publishedAt: latest.publishedAt,
      },
    ];
  });
}
