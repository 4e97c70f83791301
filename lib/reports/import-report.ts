// Stores a parsed text report as an organization's working copy for a year
// and, when asked, publishes it as a new immutable revision. It never
// destroys: a file in which nothing was recognised is refused, an existing
// draft is replaced only when asked, and a report that is in review, published
// or being corrected is never touched (corrections go through the workflow).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorEventInput } from "@/lib/audit/actor-audit";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import type { Actor } from "@/lib/auth/actor";
import { formatForYear, type ReportFormat } from "@/lib/report-format";
import type { ParsedReport } from "@/lib/import/parse-text-report";
import { writeSectionsAndCells } from "./write-working-copy";
import { publishWorkingCopy, type OriginalPublication } from "./publish-working-copy";
import { refreshStoredFindings } from "./stored-findings";

export class ImportRefusedError extends Error {}

export interface ImportReportInput {
  organizationSlug: string;
  year: number;
  parsed: ParsedReport;
  /**
   * Who runs the import, for the audit log: a command ("system:import") or a
   * signed-in clerk, whose import is always a draft that goes through review.
   */
  actor: string | Actor;
  publish: boolean;
  /** When the report was in fact published elsewhere (historical imports); default now. */
  publishedAt?: Date;
  /** Replace an existing draft's content (otherwise an existing draft refuses the import). */
  replace?: boolean;
  /**
   * 补录 by a signed-in person (the county's 主管部门): the one case where a
   * signed-in actor's import publishes. A clerk's import is always a draft.
   */
  backfill?: boolean;
  /** The original 索引号, 发布日期 and 发布机构 the file carries (a saved portal page), for the audit record. */
  original?: OriginalPublication;
  /** The caller stores the findings of what it imports itself, once for a batch (补录 of many files): refreshStoredFindings. */
  findingsStoredByCaller?: boolean;
}

/** Whether the parser recognised anything of a report: a section heading, its text or a table value. */
export function recognisedAnything(parsed: ParsedReport): boolean {
  const anyCell = Object.values(parsed.values).some((value) => value !== null);
  const anyText = Object.values(parsed.sections).some((text) => text.trim() !== "");
  return anyCell || anyText || parsed.headingsFound.length > 0;
}

export function requireFormatForYear(year: number): ReportFormat {
  const format = formatForYear(year);
  if (!format) throw new ImportRefusedError(`${year}年度没有可用的年度报告格式`);
  return format;
}

/** The parsed text parts as stored: the narrative sections and the preamble. */
export function sectionsOf(format: ReportFormat, parsed: ParsedReport): Record<string, string> {
  return { [format.preamble.key]: parsed.preamble, ...parsed.sections };
}

export async function importReport(prisma: PrismaClient, input: ImportReportInput) {
  const format = requireFormatForYear(input.year);
  if (!recognisedAnything(input.parsed)) {
    throw new ImportRefusedError("文件中没有识别出年度报告的任何章节标题或表格数值，未导入（请确认是年度报告，并按“一、总体情况”等标题分节）");
  }
  const by = typeof input.actor === "string" ? null : input.actor;
  if (by && input.publish && !input.backfill) throw new ImportRefusedError("导入的报告须经审核后发布");
  const imported = await prisma.$transaction(async (tx) => {
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
    if (existing && (await tx.reportRevision.count({ where: { reportId: existing.id, publishedAt: { not: null } } })) > 0) {
      throw new ImportRefusedError(`${organization.name}${input.year}年度报告正在更正，更正须在编辑页修改并经审核发布，不能用导入覆盖`);
    }
    if (existing && !input.replace) {
      throw new ImportRefusedError(
        `${organization.name}${input.year}年度报告已有草稿（第${existing.version}版，${existing.updatedAt.toISOString().slice(0, 10)}修改），未导入；确需用文件内容覆盖草稿，请加 --replace`,
      );
    }
    const { parsed } = input;
    const content = {
      formatVersion: format.version,
      title: parsed.title,
      signatureLine: parsed.signatureLine,
      signedOn: parsed.signedOn ? new Date(`${parsed.signedOn}T00:00:00Z`) : null,
      // Whoever imported it wrote it: they may not approve it (separation of duties).
      ...(by ? { lastEditedById: by.accountId } : {}),
    };
    const report = existing
      ? await tx.report.update({ where: { id: existing.id }, data: { ...content, version: { increment: 1 } } })
      : await tx.report.create({ data: { ...content, organizationId: organization.id, year: input.year } });

    await writeSectionsAndCells(tx, report.id, format, { values: parsed.values, sections: sectionsOf(format, parsed) });
    const detail = {
      organization: organization.slug,
      year: input.year,
      issues: parsed.issues.length,
      notes: parsed.notes.length,
      guessed: parsed.guessed.length,
      replaced: existing ? existing.version : null,
      backfill: input.publish,
    };
    await recordAuditEvent(
      tx,
      by
        ? actorEventInput(by, "report.import", { type: "report", id: report.id }, detail)
        : { actor: input.actor as string, event: "report.import", objectType: "report", objectId: report.id, result: "success", detail },
    );

    const revision = input.publish ? await publishWorkingCopy(tx, report.id, input.actor, input.publishedAt, input.original) : null;
    return { reportId: report.id, organization, revision };
  });
  // The boards read the imported version's findings like a saved one's.
  if (!input.findingsStoredByCaller) await refreshStoredFindings(prisma, [imported.reportId]);
  return imported;
}
