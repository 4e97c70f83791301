// Public reads: only published revisions, never a working copy.
import "server-only";
import { db } from "@/lib/db/client";
import { getFormat, type ReportFormat } from "@/lib/report-format";
import type { CellValue } from "@/lib/report-format";
import { cellRowsToValues } from "./cell-rows";

export interface PublishedReportView {
  format: ReportFormat;
  organization: { slug: string; name: string; shortName: string; code: string | null; parent: string | null };
  year: number;
  revision: number;
  title: string;
  publishedAt: Date;
  signatureLine: string;
  /** YYYY-MM-DD */
  signedOn: string | null;
  sections: Record<string, string>;
  values: Record<string, CellValue>;
  indexNumber: string | null;
  /** Every published revision, oldest first: the 更正记录. */
  history: { number: number; publishedAt: Date; correctionReason: string | null }[];
  /** Whether this is the latest published revision. */
  isLatest: boolean;
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * A published revision of an organization's report for a year: the latest,
 * or the given revision number. Unpublished revisions are never returned.
 */
export async function getPublishedReport(
  organizationSlug: string,
  year: number,
  revisionNumber?: number,
): Promise<PublishedReportView | null> {
  const revision = await db().reportRevision.findFirst({
    where: {
      publishedAt: { not: null },
      report: { year, organization: { slug: organizationSlug } },
      ...(revisionNumber === undefined ? {} : { number: revisionNumber }),
    },
    orderBy: { number: "desc" },
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
  const history = revision.report.revisions.map((r) => ({
    number: r.number,
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
  parentName: string | null;
  title: string;
  publishedAt: Date;
}

/** Organizations with a published report, grouped by year (newest first). */
export async function listPublishedReportsByYear(): Promise<{ year: number; reports: PublishedReportListItem[] }[]> {
  const reports = await db().report.findMany({
    where: { revisions: { some: { publishedAt: { not: null } } } },
    orderBy: [{ year: "desc" }, { organization: { name: "asc" } }],
    select: {
      year: true,
      organization: { select: { slug: true, name: true, parent: { select: { name: true } } } },
      revisions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        take: 1,
        select: { title: true, publishedAt: true },
      },
    },
  });
  const byYear = new Map<number, PublishedReportListItem[]>();
  for (const report of reports) {
    const latest = report.revisions[0];
    if (!latest?.publishedAt) continue;
    const list = byYear.get(report.year) ?? [];
    list.push({
      organizationSlug: report.organization.slug,
      organizationName: report.organization.name,
      parentName: report.organization.parent?.name ?? null,
      title: latest.title,
      publishedAt: latest.publishedAt,
    });
    byYear.set(report.year, list);
  }
  return [...byYear.entries()].map(([year, list]) => ({ year, reports: list }));
}
