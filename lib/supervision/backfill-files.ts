// 补录's second step: the files the supervisor confirmed, each published as
// the chosen unit's report of the chosen year (backfill.ts says what is
// refused and why). All the files of one upload are taken at once — the
// archive read once, the supervisor's right and the units checked once — and
// each is still checked and published on its own, in its own transaction, in
// the order given: a file refused leaves the others as they are, and each is
// checked against what the ones before it published (雷同, last year's report).
// The findings the boards keep (lib/reports/stored-findings.ts) are stored
// once for all of them at the end.
import "server-only";
import type { Organization, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { PortalMetadata } from "@/lib/import/read-portal-metadata";
import { MAX_ARCHIVE_REPORTS, type ReadReportFile } from "@/lib/import/read-report-files";
import { formatForYear, hasBlockingErrors } from "@/lib/report-format";
import { loadCheckContext } from "@/lib/reports/check-context";
import { checkContentIn } from "@/lib/reports/check-content";
import { ImportRefusedError, importReport, recognisedAnything, sectionsOf } from "@/lib/reports/import-report";
import { refreshStoredFindings } from "@/lib/reports/stored-findings";
import type { OriginalPublication } from "@/lib/reports/publish-working-copy";
import { requireSupervisedGovernment } from "./government-access";
import { ownUnits, readBackfillUpload, type BackfillFile } from "./backfill-sources";

/** One file of the upload (an entry of its zip, or null for the file itself) and the unit and year chosen for it. */
export interface BackfillChoice {
  entry: string | null;
  unitId: string;
  year: number;
}

export interface BackfillResult {
  name: string;
  ok: boolean;
  message: string;
}

/** Step two for one file (or one entry of a zip). */
export async function backfillFile(
  actor: Actor | null,
  governmentSlug: string,
  input: BackfillFile & BackfillChoice,
  prisma: PrismaClient,
): Promise<BackfillResult> {
  const [result] = await backfillFiles(actor, governmentSlug, input, [input], prisma);
  return result!;
}

/** Step two: each chosen file published as its unit's report of its year, or refused with the reason; a result per choice, in their order. */
export async function backfillFiles(
  actor: Actor | null,
  governmentSlug: string,
  upload: BackfillFile,
  choices: readonly BackfillChoice[],
  prisma: PrismaClient,
): Promise<BackfillResult[]> {
  const { actor: supervisor, government } = await requireSupervisedGovernment(actor, governmentSlug, prisma);
  if (choices.length > MAX_ARCHIVE_REPORTS) throw new AppError("INVALID", `一次最多补录 ${MAX_ARCHIVE_REPORTS} 个文件`);
  const units = new Map((await ownUnits(prisma, government.id)).map((unit) => [unit.id, unit]));
  if (choices.some((choice) => !units.has(choice.unitId))) throw new AppError("FORBIDDEN", "只能为本级政府及其直属单位补录");
  const chosen = await prisma.organization.findMany({ where: { id: { in: [...new Set(choices.map((choice) => choice.unitId))] } } });
  const organizations = new Map(chosen.map((organization) => [organization.id, organization]));
  const named = choices.flatMap((choice) => (choice.entry === null ? [] : [{ name: choice.entry, year: choice.year }]));
  const read = named.length > 0 ? await readBackfillUpload(upload, { entries: named }) : [];
  const results: BackfillResult[] = [];
  const published: string[] = [];
  try {
    for (const choice of choices) {
      const file =
        choice.entry === null
          ? (await readBackfillUpload(upload, { year: choice.year, only: null }))[0]
          : read.find((f) => f.name === choice.entry && (!f.ok || f.year === choice.year));
      const unit = units.get(choice.unitId)!;
      const { result, reportId } = await publishOne(prisma, supervisor, { ...unit, organization: organizations.get(unit.id)! }, choice.year, file, upload.name);
      results.push(result);
      if (reportId) published.push(reportId);
    }
  } finally {
    // The boards' stored findings of what was published, checked once all of it is in (their 雷同 peers
    // mirrored): a few statements for the upload, not a round per file — and the fresh run a board would make.
    await refreshStoredFindings(prisma, published);
  }
  return results;
}

async function publishOne(
  prisma: PrismaClient,
  supervisor: Actor,
  unit: { id: string; shortName: string; organization: Organization },
  year: number,
  file: ReadReportFile | undefined,
  uploadName: string,
): Promise<{ result: BackfillResult; reportId?: string }> {
  const name = file?.name ?? uploadName;
  const refuse = (message: string) => ({ result: { name, ok: false, message } });
  if (!file) return refuse("zip 中没有这个文件");
  if (!file.ok) return refuse(file.message);
  try {
    const { source, parsed } = file;
    const format = formatForYear(year);
    if (!parsed || !format) return refuse(`${year}年度没有可用的年度报告格式`);
    if (!recognisedAnything(parsed)) return refuse("文件中没有识别出年度报告的任何章节标题或表格数值");
    if (parsed.issues.length > 0) return refuse(`有 ${parsed.issues.length} 处内容无法识别（如：${parsed.issues[0]!.message}），请让单位核对文件后再补录`);
    const { organization } = unit;
    // Read per file: the files published before it in this upload are among its peers (雷同) and may be its last year.
    const findings = checkContentIn(
      await loadCheckContext(prisma, organization, year),
      { year, formatVersion: format.version, organization },
      { title: parsed.title, signedOn: parsed.signedOn, sections: sectionsOf(format, parsed), values: parsed.values },
    );
    if (hasBlockingErrors(findings)) {
      const first = findings.find((f) => f.severity === "error")!;
      return refuse(`存在阻断性错误：${format.rules.meta[first.rule].name}（${first.message}）`);
    }
    const existing = await prisma.report.findUnique({ where: { organizationId_year: { organizationId: unit.id, year } } });
    if (existing) return refuse(`${unit.shortName}${year}年度报告已存在，补录只用于系统中还没有的年度；更正须经审核流程`);
    const publishedOn = source.metadata?.publishedOn;
    const { reportId, revision } = await importReport(prisma, {
      organizationSlug: organization.slug,
      year,
      parsed,
      actor: supervisor,
      publish: true,
      backfill: true,
      ...(publishedOn ? { publishedAt: new Date(`${publishedOn}T10:00:00+08:00`) } : {}),
      ...(source.metadata ? { original: originalOf(source.metadata) } : {}),
      findingsStoredByCaller: true,
    });
    const warnings = findings.length;
    const message = `已补录为${unit.shortName}${year}年度报告（索引号 ${revision?.indexNumber ?? "—"}${publishedOn ? `，原发布日期 ${publishedOn}` : ""}${warnings ? `，提示 ${warnings} 项` : ""}）`;
    return { result: { name, ok: true, message }, reportId };
  } catch (error) {
    if (error instanceof ImportRefusedError) return refuse(error.message);
    throw error;
  }
}

/** What the audit record keeps of a portal page's metadata. */
function originalOf(metadata: PortalMetadata): OriginalPublication {
  return {
    ...(metadata.indexNumber ? { indexNumber: metadata.indexNumber } : {}),
    ...(metadata.publishedOn ? { publishedOn: metadata.publishedOn } : {}),
    ...(metadata.publisher ? { publisher: metadata.publisher } : {}),
  };
}
