// 补录: a government's 主管部门 brings its units' past published reports in —
// several files or one .zip at once. Each file is matched to a unit and a
// year from its title (the supervisor may correct the match), then published
// as the unit's report of that year with its original date when the file
// carries one. Refused, file by file and with the reason, when a blocking
// rule fails, when the unit already has a report for that year (in review,
// published, being corrected, or a draft), or when the file cannot be read.
// A clerk's import never publishes: it is a draft that goes through review.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { readReportFilesOffThread } from "@/lib/import/read-report-off-thread";
import { formatForYear, hasBlockingErrors } from "@/lib/report-format";
import { loadCheckContext } from "@/lib/reports/check-context";
import { checkContentIn } from "@/lib/reports/check-content";
import { ImportRefusedError, importReport, recognisedAnything, sectionsOf } from "@/lib/reports/import-report";
import type { OriginalPublication } from "@/lib/reports/publish-working-copy";
import type { PortalMetadata } from "@/lib/import/read-portal-metadata";
import { requireSupervisedGovernment } from "./government-access";

export interface BackfillFile {
  name: string;
  bytes: Uint8Array;
}

export interface BackfillMatch {
  /** The file's name, or `archive.zip/entry.docx` for a file inside a zip. */
  name: string;
  title: string;
  unitId: string | null;
  year: number | null;
  /** Why the file cannot be back-filled as it is (unreadable, unmatched …); null when it can be tried. */
  problem: string | null;
  /** False when the file cannot be read at all: it is listed, never sent again. */
  readable: boolean;
}

export interface BackfillResult {
  name: string;
  ok: boolean;
  message: string;
}

interface Unit {
  id: string;
  name: string;
  shortName: string;
}

/** The unit a title names: the longest name or short name of the government's own units found in it. */
function unitOfTitle(title: string, units: readonly Unit[]): Unit | null {
  const candidates = units.flatMap((unit) =>
    [unit.name, unit.shortName].filter((name) => name.length >= 2 && title.includes(name)).map((name) => ({ unit, length: name.length })),
  );
  candidates.sort((a, b) => b.length - a.length);
  const [best, second] = candidates;
  // Two units named equally well (a county and its 县政府办) is a guess: left to the supervisor.
  if (!best || (second && second.length === best.length && second.unit.id !== best.unit.id)) return null;
  return best.unit;
}

/** The upload read off the request thread, within bounds: itself, or each report in a zip (or only `entry`). */
function readFiles(file: BackfillFile, options: { year: number | null; only: string | null }) {
  return readReportFilesOffThread({ name: file.name, bytes: file.bytes, year: options.year, expandZip: true, only: options.only });
}

/**
 * A government's own units — itself and the units directly under it — which
 * its board lists: titles are matched among them (names repeat across a
 * province; 区财政局 is twenty units), deeper units on their own board.
 */
async function ownUnits(prisma: PrismaClient, governmentId: string): Promise<Unit[]> {
  return prisma.organization.findMany({
    where: { OR: [{ id: governmentId }, { parentId: governmentId }] },
    select: { id: true, name: true, shortName: true },
  });
}

/** Step one: what each file is, as far as its title says. Nothing is written. */
export async function matchBackfillFiles(actor: Actor | null, governmentSlug: string, file: BackfillFile, prisma: PrismaClient): Promise<BackfillMatch[]> {
  const { government } = await requireSupervisedGovernment(actor, governmentSlug, prisma);
  const units = await ownUnits(prisma, government.id);
  const matches: BackfillMatch[] = [];
  for (const one of await readFiles(file, { year: null, only: null })) {
    if (!one.ok) {
      matches.push({ name: one.name, title: "", unitId: null, year: null, problem: one.message, readable: false });
      continue;
    }
    const { parsed, year } = one;
    const title = parsed?.title ?? "";
    const unit = unitOfTitle(title, units);
    const problem = !year ? "标题中没有年度，请选择年度" : !parsed ? `${year}年度没有可用的年度报告格式` : !unit ? "标题中的单位不是本级政府或其直属单位，请选择单位" : null;
    matches.push({ name: one.name, title, unitId: unit?.id ?? null, year, problem, readable: true });
  }
  return matches;
}

/** Step two: one file (or one entry of a zip) published as the chosen unit's report of the chosen year. */
export async function backfillFile(
  actor: Actor | null,
  governmentSlug: string,
  input: BackfillFile & { entry: string | null; unitId: string; year: number },
  prisma: PrismaClient,
): Promise<BackfillResult> {
  const { actor: supervisor, government } = await requireSupervisedGovernment(actor, governmentSlug, prisma);
  const unit = (await ownUnits(prisma, government.id)).find((u) => u.id === input.unitId);
  if (!unit) throw new AppError("FORBIDDEN", "只能为本级政府及其直属单位补录");
  const files = await readFiles(input, { year: input.year, only: input.entry });
  const file = input.entry ? files.find((f) => f.name === input.entry) : files[0];
  const name = file?.name ?? input.name;
  const refuse = (message: string): BackfillResult => ({ name, ok: false, message });
  if (!file) return refuse("zip 中没有这个文件");
  if (!file.ok) return refuse(file.message);
  try {
    const { source, parsed } = file;
    const format = formatForYear(input.year);
    if (!parsed || !format) return refuse(`${input.year}年度没有可用的年度报告格式`);
    if (!recognisedAnything(parsed)) return refuse("文件中没有识别出年度报告的任何章节标题或表格数值");
    if (parsed.issues.length > 0) return refuse(`有 ${parsed.issues.length} 处内容无法识别（如：${parsed.issues[0]!.message}），请让单位核对文件后再补录`);
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: unit.id } });
    const findings = checkContentIn(
      await loadCheckContext(prisma, organization, input.year),
      { year: input.year, formatVersion: format.version, organization },
      { title: parsed.title, signedOn: parsed.signedOn, sections: sectionsOf(format, parsed), values: parsed.values },
    );
    if (hasBlockingErrors(findings)) {
      const first = findings.find((f) => f.severity === "error")!;
      return refuse(`存在阻断性错误：${format.rules.meta[first.rule].name}（${first.message}）`);
    }
    const existing = await prisma.report.findUnique({ where: { organizationId_year: { organizationId: unit.id, year: input.year } } });
    if (existing) return refuse(`${unit.shortName}${input.year}年度报告已存在，补录只用于系统中还没有的年度；更正须经审核流程`);
    const publishedOn = source.metadata?.publishedOn;
    const { revision } = await importReport(prisma, {
      organizationSlug: organization.slug,
      year: input.year,
      parsed,
      actor: supervisor,
      publish: true,
      backfill: true,
      ...(publishedOn ? { publishedAt: new Date(`${publishedOn}T10:00:00+08:00`) } : {}),
      ...(source.metadata ? { original: originalOf(source.metadata) } : {}),
    });
    const warnings = findings.length;
    return {
      name,
      ok: true,
      message: `已补录为${unit.shortName}${input.year}年度报告（索引号 ${revision?.indexNumber ?? "—"}${publishedOn ? `，原发布日期 ${publishedOn}` : ""}${warnings ? `，提示 ${warnings} 项` : ""}）`,
    };
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
