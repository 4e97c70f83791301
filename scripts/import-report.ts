// npm run import -- <file> --org <slug> --year <year> [--publish] [--replace] [--force] | --check [--json]
// Reads a report exported as plain text into the organization's report for
// the year: as a draft, or published (补录 of a report published elsewhere)
// when --publish is given and the report has no unplaced content and no
// blocking error. --check reads and checks the file with the same rules as the
// editor and writes nothing. Exit codes: 0 done, 1 refused (the file, its
// content or the existing report; nothing written), 2 usage, 3 unexpected
// (e.g. the database unreachable; nothing written).
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { placeOf, readReport, type ReportSource } from "@/lib/import/read-report";
import { readFileBytes, UnreadableFileError } from "@/lib/import/read-source";
import { hasBlockingErrors, type Finding, type ReportFormat } from "@/lib/report-format";
import { checkParsedReport } from "@/lib/reports/check-import";
import { fileMismatch } from "@/lib/reports/import-guards";
import { ImportRefusedError, importReport, requireFormatForYear } from "@/lib/reports/import-report";
import { prepareAppDatabase } from "./lib";

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    org: { type: "string" },
    year: { type: "string" },
    publish: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    replace: { type: "boolean", default: false },
    force: { type: "boolean", default: false },
  },
});
const [file] = positionals;
const year = Number(options.year);
if (!file || !options.org || !Number.isInteger(year) || (options.check && options.publish) || (options.json && !options.check)) {
  console.error("用法：npm run import -- <文件> --org <机构标识> --year <年度> [--publish] [--replace] [--force] | --check [--json]");
  process.exit(2);
}

/** Human-readable lines go to stderr with --json, so stdout is the JSON alone. */
const say = (line: string) => (options.json ? console.error(line) : console.log(line));

function findingLine(format: ReportFormat, finding: Finding): string {
  const where = finding.quote ? `\n    “${finding.quote.text.trim()}”` : "";
  return `[${finding.severity === "error" ? "错误" : "提示"}：${format.rules.meta[finding.rule].name}] ${finding.message}${where}`;
}

/** What the user needs to fix, as opposed to an unexpected failure. */
const refusal = (error: unknown) => error instanceof ImportRefusedError || error instanceof UnreadableFileError;

// The file is read and parsed before the database is touched: a bad file costs nothing.
let source: ReportSource;
let format: ReturnType<typeof requireFormatForYear>;
try {
  format = requireFormatForYear(year);
  source = await readReport(readFileBytes(file), file);
} catch (error) {
  if (!refusal(error)) throw error;
  console.error(`未导入：${(error as Error).message}`);
  process.exit(1);
}
const kindLabel = { text: "纯文本", docx: "Word 文档", html: "网页" }[source.kind];
say(`文件：${kindLabel}${source.encoding && source.encoding !== "UTF-8" ? `，编码 ${source.encoding}` : ""}`);
for (const warning of source.warnings) say(`未读取：${warning}`);
if (source.metadata?.indexNumber || source.metadata?.publishedOn) {
  say(`网页信息：索引号 ${source.metadata.indexNumber ?? "—"}，发布日期 ${source.metadata.publishedOn ?? "—"}`);
}
const parsed = parseTextReport(source.text, format);
// A portal page's 发布日期 is when the report was really published (补录 keeps it).
const publishedAt = source.metadata?.publishedOn ? new Date(`${source.metadata.publishedOn}T10:00:00+08:00`) : undefined;

let exitCode = 0;
const { url, server } = await prepareAppDatabase({ migrate: true });
const prisma = createPrismaClient(url);
try {
  const where = (issue: { line: number }) => (issue.line > 0 ? placeOf(source, issue.line) : "全文");
  const placed = (issue: { line: number; message: string }) => ({ ...issue, place: where(issue) });
  for (const issue of parsed.issues) say(`无法识别 ${where(issue)}：${issue.message}`);
  for (const issue of parsed.guessed) say(`推断 ${where(issue)}：${issue.message}`);
  for (const issue of parsed.notes) say(`说明 ${where(issue)}：${issue.message}`);
  const { organization, findings } = await checkParsedReport(prisma, { organizationSlug: options.org, year, parsed });
  for (const finding of findings) say(findingLine(format, finding));
  // Content placed by guesswork is said, and a publication (补录) waits until someone has looked at it.
  const blocked = parsed.issues.length > 0 || parsed.guessed.length > 0 || hasBlockingErrors(findings);

  const mismatch = fileMismatch(parsed, organization, year);
  if (options.check) {
    if (mismatch) say(`注意：${mismatch}`);
    if (options.json) {
      const json = {
        file,
        kind: source.kind,
        encoding: source.encoding,
        metadata: source.metadata,
        organization: organization.slug,
        year,
        format: format.version,
        title: parsed.title,
        signatureLine: parsed.signatureLine,
        signedOn: parsed.signedOn,
        preamble: parsed.preamble,
        sections: parsed.sections,
        cells: parsed.values,
        unplaced: parsed.issues.map(placed),
        guessed: parsed.guessed.map(placed),
        notes: parsed.notes.map(placed),
        mismatch,
        findings: findings.map((f) => ({
          rule: f.rule,
          name: format.rules.meta[f.rule].name,
          severity: f.severity,
          message: f.message,
          cells: f.cells,
          ...(f.section ? { section: f.section } : {}),
          ...(f.field ? { field: f.field } : {}),
          ...(f.quote ? { quote: f.quote } : {}),
        })),
      };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    }
    const errors = findings.filter((f) => f.severity === "error").length;
    say(`检查完成（未写入任何数据）：无法识别的内容 ${parsed.issues.length} 处，阻断性错误 ${errors} 项，提示 ${findings.length - errors} 项`);
    exitCode = blocked ? 1 : 0;
  } else {
    if (mismatch && !options.force) throw new ImportRefusedError(`${mismatch}，未导入；确认无误请加 --force`);
    if (options.publish && blocked) {
      throw new ImportRefusedError("存在无法识别的内容或阻断性错误，未发布；去掉 --publish 可先导入为草稿");
    }
    const result = await importReport(prisma, {
      organizationSlug: options.org,
      year,
      parsed,
      actor: "system:import",
      publish: options.publish,
      replace: options.replace,
      ...(publishedAt ? { publishedAt } : {}),
      ...(source.metadata
        ? { original: { indexNumber: source.metadata.indexNumber, publishedOn: source.metadata.publishedOn, publisher: source.metadata.publisher } }
        : {}),
    });
    say(
      result.revision
        ? `已导入并发布：${organization.name}${year}年度报告（第${result.revision.number}版）`
        : `已导入为草稿：${organization.name}${year}年度报告`,
    );
  }
} catch (error) {
  if (refusal(error)) {
    console.error(`未导入：${(error as Error).message}`);
    exitCode = 1;
  } else {
    // No stack trace for the user: what failed, in one line; nothing was written (one transaction).
    console.error(`导入失败，未写入任何数据：${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    exitCode = 3;
  }
} finally {
  await prisma.$disconnect();
  await server.stop();
}
process.exit(exitCode);
