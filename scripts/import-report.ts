// npm run import -- <file> --org <slug> --year <year> [--publish]
// Reads a report exported as plain text into the organization's report for
// the year: as a draft, or published when --publish is given and the report
// has no unplaced content and no blocking error.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/client";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { checkReport, hasBlockingErrors } from "@/lib/report-format";
import { ImportRefusedError, importReport, requireFormatForYear } from "@/lib/reports/import-report";
import { prepareAppDatabase } from "./lib";

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { org: { type: "string" }, year: { type: "string" }, publish: { type: "boolean", default: false } },
});
const [file] = positionals;
const year = Number(options.year);
if (!file || !options.org || !Number.isInteger(year)) {
  console.error("用法：npm run import -- <文件> --org <机构标识> --year <年度> [--publish]");
  process.exit(2);
}

const format = requireFormatForYear(year);
const parsed = parseTextReport(readFileSync(file, "utf8"), format);
for (const issue of parsed.issues) {
  console.log(`${issue.line > 0 ? `第${issue.line}行` : "全文"}：${issue.message}`);
}

const { url, server } = await prepareAppDatabase({ migrate: true });
const prisma = createPrismaClient(url);
let exitCode = 0;
try {
  const organization = await prisma.organization.findUnique({ where: { slug: options.org } });
  if (!organization) throw new ImportRefusedError(`找不到机构“${options.org}”`);
  const findings = checkReport({
    format,
    organization: { name: organization.name, kind: organization.kind },
    year,
    title: parsed.title,
    signedOn: parsed.signedOn,
    values: parsed.values,
  });
  for (const finding of findings) {
    console.log(`[${finding.severity === "error" ? "错误" : "提示"} ${finding.rule}] ${finding.message}`);
  }
  if (options.publish && (parsed.issues.length > 0 || hasBlockingErrors(findings))) {
    throw new ImportRefusedError("存在无法识别的内容或阻断性错误，未发布；去掉 --publish 可先导入为草稿");
  }
  const result = await importReport(prisma, {
    organizationSlug: options.org,
    year,
    parsed,
    actor: "system:import",
    publish: options.publish,
  });
  console.log(
    result.revision
      ? `已导入并发布：${organization.name}${year}年度报告（第${result.revision.number}版）`
      : `已导入为草稿：${organization.name}${year}年度报告`,
  );
} catch (error) {
  if (!(error instanceof ImportRefusedError)) throw error;
  console.error(error.message);
  exitCode = 1;
} finally {
  await prisma.$disconnect();
  await server.stop();
}
process.exit(exitCode);
