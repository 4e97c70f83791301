// Stores a parsed text report as an organization's working copy for a year
// and, when asked, publishes it as a new immutable revision.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { formatForYear, type ReportFormat } from "@/lib/report-format";
import type { ParsedReport } from "@/lib/import/parse-text-report";
import { writeSectionsAndCells } from "./write-working-copy";
import { publishWorkingCopy } from "./publish-working-copy";

export class ImportRefusedError extends Error {}

export interface ImportReportInput {
  organizationSlug: string;
  year: number;
  parsed: ParsedReport;
  /** Who runs the import, for the audit log. */
  actor: string;
  publish: boolean;
  /** When the report was in fact published elsewhere (historical imports); default now. */
  publishedAt?: Date;
}

export function requireFormatForYear(year: number): ReportFormat {
  const format = formatForYear(year);
  if (!format) throw new ImportRefusedError(`${year}年度没有可用的年度报告格式`);
  return format;
}

export async function importReport(prisma: PrismaClient, input: ImportReportInput) {
  const format = requireFormatForYear(input.year);
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { slug: input.organizationSlug } });
    if (!organization) throw new ImportRefusedError(`找不到机构“${input.organizationSlug}”`);
    const existing = await tx.report.findUnique({
      where: { organizationId_year: { organizationId: organization.id, year: input.year } },
    });
    if (existing && existing.status !== "DRAFT") {
      throw new ImportRefusedError(
        `${organization.name}${input.year}年度报告已${existing.status === "PUBLISHED" ? "发布" : "提交"}，不能用导入覆盖`,
      );
    }
    const { parsed } = input;
    const content = {
      formatVersion: format.version,
      title: parsed.title,
      signatureLine: parsed.signatureLine,
      signedOn: parsed.signedOn ? new Date(`${parsed.signedOn}T00:00:00Z`) : null,
    };
    const report = existing
      ? await tx.report.update({ where: { id: existing.id }, data: { ...content, version: { increment: 1 } } })
      : await tx.report.create({ data: { ...content, organizationId: organization.id, year: input.year } });

    await writeSectionsAndCells(tx, report.id, format, parsed);
    await recordAuditEvent(tx, {
      actor: input.actor,
      event: "report.import",
      objectType: "report",
      objectId: report.id,
      result: "success",
      detail: { organization: organization.slug, year: input.year, issues: parsed.issues.length },
    });

    const revision = input.publish ? await publishWorkingCopy(tx, report.id, input.actor, input.publishedAt) : null;
    return { reportId: report.id, organization, revision };
  });
}
