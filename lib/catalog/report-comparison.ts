// The catalog's figures beside a report: for the editor's panel and the
// reviewer's comparison. Only published items count, which anyone may see;
// the report itself is checked against the actor all the same.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canReadUnpublished } from "@/lib/organizations/unit-roles";
import { countCatalogForReport } from "./report-counts";
import type { CatalogReportCounts } from "./report-measures";

export interface CatalogForReport {
  organizationSlug: string;
  organizationShortName: string;
  counts: CatalogReportCounts;
}

export async function getCatalogForReport(actorOrNull: Actor | null, reportId: string, prisma: PrismaClient = db()): Promise<CatalogForReport> {
  const actor = requireActor(actorOrNull);
  const report = await prisma.report.findUnique({ where: { id: reportId }, select: { year: true, organization: true } });
  if (!report || !canReadUnpublished(actor, report.organization)) throw new AppError("NOT_FOUND", "未找到该报告");
  return {
    organizationSlug: report.organization.slug,
    organizationShortName: report.organization.shortName,
    counts: await countCatalogForReport(report.organization.id, report.year, prisma),
  };
}
