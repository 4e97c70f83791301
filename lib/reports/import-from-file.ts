// A clerk starts a year's report from a file the office already has: first a
// preview (every recognised cell, the text by section, what could not be
// placed, the findings), then — on confirmation, with the same file — a draft
// that goes through review like any other. Nothing is written by a preview.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auditRefusal } from "@/lib/audit/actor-audit";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ImportIssue } from "@/lib/import/parse-text-report";
import { placeOf, type ReportSource } from "@/lib/import/read-report";
import { readReportFilesOffThread } from "@/lib/import/read-report-off-thread";
import { currentReportYear, formatForYear, todayInChina, type CellValue, type Finding } from "@/lib/report-format";
import { loadCheckContext } from "./check-context";
import { checkContentIn } from "./check-content";
import { findingsVisibleTo, peerVisibility } from "./finding-visibility";
import { fileMismatch } from "./import-guards";
import { ImportRefusedError, importReport, recognisedAnything, sectionsOf } from "./import-report";
import { canDraft } from "@/lib/organizations/unit-roles";

export interface ReportFileInput {
  organizationId: string;
  year: number;
  fileName: string;
  bytes: Uint8Array;
}

export interface PlacedIssue {
  /** 第12行, 第3段, 第2个表格第4行第1格; null for the file as a whole. */
  place: string | null;
  message: string;
}

export interface ImportPreview {
  fileName: string;
  /** “Word 文档”, “网页（UTF-8）”, “纯文本（GB18030（GBK））” */
  readAs: string;
  /** What the file had that was not read (images, footnotes). */
  warnings: string[];
  formatVersion: string;
  title: string;
  signatureLine: string;
  signedOn: string | null;
  sections: Record<string, string>;
  values: Record<string, CellValue>;
  unplaced: PlacedIssue[];
  guessed: PlacedIssue[];
  notes: PlacedIssue[];
  findings: Finding[];
  /** The file names another year or unit: importing needs the clerk's confirmation. */
  mismatch: string | null;
}

async function readForOrganization(actor: Actor, input: ReportFileInput, prisma: PrismaClient) {
  const organization = await prisma.organization.findUnique({ where: { id: input.organizationId } });
  if (!organization || !canDraft(actor, organization)) {
    await auditRefusal(prisma, actor, "report.import", { type: "organization", id: input.organizationId }, "forbidden");
    throw new AppError("FORBIDDEN", "您无权为该机构填报");
  }
  const format = formatForYear(input.year);
  if (!format || input.year > currentReportYear(organization.kind, todayInChina())) {
    throw new AppError("INVALID", `不能填报${input.year}年度的报告`);
  }
  if (await prisma.report.findUnique({ where: { organizationId_year: { organizationId: organization.id, year: input.year } } })) {
    throw new AppError("CONFLICT", `${organization.shortName}${input.year}年度报告已存在，请在编辑页修改`);
  }
  // Read off the request thread, within bounds; what is wrong with the file is the clerk's to fix, said plainly.
  const [read] = await readReportFilesOffThread({ name: input.fileName, bytes: input.bytes, year: input.year, expandZip: false, only: null });
  if (!read || !read.ok) throw new AppError("INVALID", read?.message ?? "文件无法读取");
  const { source, parsed } = read;
  if (!parsed || !recognisedAnything(parsed)) throw new AppError("INVALID", "文件中没有识别出年度报告的任何章节标题或表格数值");
  return { organization, format, source, parsed };
}

const placed = (issue: ImportIssue, source: ReportSource) => ({
  place: issue.line > 0 ? placeOf(source, issue.line) : null,
  message: issue.message,
});

export async function previewReportFile(actor: Actor, input: ReportFileInput, prisma: PrismaClient = db()): Promise<ImportPreview> {
  const { organization, format, source, parsed } = await readForOrganization(actor, input, prisma);
  const sections = sectionsOf(format, parsed);
  const context = await loadCheckContext(prisma, organization, input.year);
  const findings = checkContentIn(
    context,
    { year: input.year, formatVersion: format.version, organization },
    { title: parsed.title, signedOn: parsed.signedOn, sections, values: parsed.values },
  );
  return {
    fileName: input.fileName,
    readAs: { text: "纯文本", docx: "Word 文档", html: "网页" }[source.kind] + (source.encoding ? `（${source.encoding}）` : ""),
    warnings: source.warnings,
    formatVersion: format.version,
    title: parsed.title,
    signatureLine: parsed.signatureLine,
    signedOn: parsed.signedOn,
    sections,
    values: parsed.values,
    // Lines of a Word file or a page are named by their place in it (第2个表格第4行), not a line the clerk never saw.
    unplaced: parsed.issues.map((issue) => placed(issue, source)),
    guessed: parsed.guessed.map((issue) => placed(issue, source)),
    notes: parsed.notes.map((issue) => placed(issue, source)),
    findings: findingsVisibleTo(format, findings, peerVisibility(actor, organization)),
    mismatch: fileMismatch(parsed, organization, input.year),
  };
}

/** The confirmed import: the same file read again into a new draft, by this clerk. */
export async function importReportFile(
  actor: Actor,
  input: ReportFileInput & { confirmMismatch: boolean },
  prisma: PrismaClient = db(),
): Promise<{ reportId: string }> {
  const { organization, parsed } = await readForOrganization(actor, input, prisma);
  const mismatch = fileMismatch(parsed, organization, input.year);
  if (mismatch && !input.confirmMismatch) throw new AppError("INVALID", `${mismatch}，请确认后再导入`);
  try {
    const { reportId } = await importReport(prisma, { organizationSlug: organization.slug, year: input.year, parsed, actor, publish: false });
    return { reportId };
  } catch (error) {
    if (error instanceof ImportRefusedError) throw new AppError("INVALID", error.message);
    throw error;
  }
}
