// Reports taken through the real workflow for the integration tests.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { findingId, format2021, formatCells } from "@/lib/report-format";
import { checkReportContent } from "@/lib/reports/check-content";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { submitReport } from "@/lib/reports/steps/submit-report";

/** A complete 2021-format report of zeros, started, saved and submitted by `author` (every warning explained). */
export async function submittedReport(prisma: PrismaClient, author: Actor, organizationId: string, year: number): Promise<string> {
  const { reportId } = await startReport(author, { organizationId, year, prefill: false }, prisma);
  const cells = Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, "0"]));
  const content = {
    title: `测试${year}年政府信息公开工作年度报告`,
    signatureLine: "测试镇人民政府",
    signedOn: `${year + 1}-01-20`,
    sections: { overview: "（一）主动公开\n本年主动公开信息。", problems: "存在问题：公开不够及时。改进措施：加强培训。", other: "无" },
    cells,
  };
  await saveReport(author, { reportId, baseVersion: 1, content }, prisma);
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true, sections: true, cells: true } });
  const findings = await checkReportContent(prisma, report, contentOfWorkingCopy(report));
  const explanations = Object.fromEntries(findings.filter((f) => f.severity === "warning").map((f) => [findingId(f), "已核实"]));
  await submitReport(author, { reportId, baseVersion: report.version, explanations }, prisma);
  return reportId;
}
