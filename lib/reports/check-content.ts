// The server's rule check of a report's content, with last year's values for
// the cross-year rules: one call for submitting and for reviewing.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { checkReport, getFormat, type CellValue, type Finding } from "@/lib/report-format";
import { previousYearValues } from "./previous-year";

export async function checkReportContent(
  prisma: PrismaClient | Prisma.TransactionClient,
  report: { organizationId: string; year: number; formatVersion: string; organization: { name: string; kind: OrganizationKind } },
  content: { title: string; signedOn: string | null; values: Record<string, CellValue> },
): Promise<Finding[]> {
  return checkReport({
    format: getFormat(report.formatVersion),
    organization: { name: report.organization.name, kind: report.organization.kind },
    year: report.year,
    title: content.title,
    signedOn: content.signedOn,
    values: content.values,
    previous: await previousYearValues(prisma, report.organizationId, report.year),
  });
}
