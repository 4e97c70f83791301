// npm run findings:demo — how many findings each rule raises on the demo data
// (every report of every demo unit, checked in the same context as the editor
// and the board) and on the sample report as a clerk would start from it. The
// figures the README reports; a survey, not a test.
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { seedDemo } from "@/lib/demo/seed-demo";
import { format2021, type Finding } from "@/lib/report-format";
import { loadCheckContext } from "@/lib/reports/check-context";
import { checkContentIn } from "@/lib/reports/check-content";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";

const server = await resolveDatabase();
const url = withDatabaseName(server.url, `nianbao_findings_${process.pid}`);
const prisma = createPrismaClient(url);
const verbose = process.argv.includes("--verbose");

try {
  await ensureDatabase(url);
  await migrate(url);
  await seedDemo(prisma);
  const reports = await prisma.report.findMany({
    include: { organization: true, sections: true, cells: true },
    orderBy: [{ organization: { slug: "asc" } }, { year: "asc" }],
  });
  const tally = new Map<string, { reports: Set<string>; findings: number }>();
  for (const report of reports) {
    const context = await loadCheckContext(prisma, report.organization, report.year);
    const findings: Finding[] = checkContentIn(context, report, contentOfWorkingCopy(report));
    const name = `${report.organization.slug}/${report.year}`;
    for (const finding of findings) {
      const entry = tally.get(finding.rule) ?? { reports: new Set(), findings: 0 };
      entry.reports.add(name);
      entry.findings += 1;
      tally.set(finding.rule, entry);
      if (verbose) console.log(`${name}\t${finding.rule}\t${finding.message}${finding.quote ? `\t“${finding.quote.text}”` : ""}`);
    }
  }
  console.log(`\n${reports.length} demo reports\n`);
  console.log("| rule | name | findings | reports |");
  console.log("|---|---|---|---|");
  for (const [rule, entry] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
    const meta = format2021.rules.meta[rule as keyof typeof format2021.rules.meta];
    console.log(`| ${rule} | ${meta.name} | ${entry.findings} | ${entry.reports.size} |`);
  }
} finally {
  await prisma.$disconnect();
  await dropDatabase(url).catch(() => undefined);
  await server.stop();
}
process.exit(0);
