// The server's rule check of a report's content, with everything the rules
// compare it against (check-context.ts): one call for submitting, reviewing,
// the editor's first view and the board.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { checkReport, getFormat, type CellValue, type Finding } from "@/lib/report-format";
import { loadCheckContext, ruleContext, type CheckContext } from "./check-context";

export interface CheckedReport {
  year: number;
  formatVersion: string;
  organization: { id: string; name: string; kind: OrganizationKind; parentId: string | null; ancestorIds: string[] };
}

export interface CheckedContent {
  title: string;
  signedOn: string | null;
  sections: Record<string, string>;
  values: Record<string, CellValue>;
}

/** The rules over a report's content in a context already loaded. */
export function checkContentIn(context: CheckContext, report: CheckedReport, content: CheckedContent): Finding[] {
  const format = getFormat(report.formatVersion);
  return checkReport({
    format,
    organization: { name: report.organization.name, kind: report.organization.kind },
    year: report.year,
    title: content.title,
    signedOn: content.signedOn,
    values: content.values,
    sections: content.sections,
    ...ruleContext(context, format),
  });
}

export async function checkReportContent(
  prisma: PrismaClient | Prisma.TransactionClient,
  report: CheckedReport,
  content: CheckedContent,
): Promise<Finding[]> {
  return checkContentIn(await loadCheckContext(prisma, report.organization, report.year), report, content);
}
