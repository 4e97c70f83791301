// 草稿 → 待审核. Blocked while a blocking rule fails; every warning needs the
// clerk's written explanation. Freezes the working copy as a revision.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findingId } from "@/lib/report-format";
import { checkContentIn } from "@/lib/reports/check-content";
import { loadCheckContext } from "@/lib/reports/check-context";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { freezeRevision } from "./freeze-revision";
import { noticeSubmitted } from "@/lib/notifications/report-notices";
import { runReportStep } from "./report-workflow";
import type { ZSubmitReportInput } from "./schemas";

export async function submitReport(
  actorOrNull: Actor | null,
  input: z.output<typeof ZSubmitReportInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  // What the rules compare against (last year, the county's other reports, the
  // catalog) is read first, outside the step's transaction: it needs no lock,
  // and reading it there would hold the row and a connection while it waits
  // for more. The unit and year of a report never change.
  const unit = await prisma.report.findUnique({ where: { id: input.reportId }, select: { year: true, organization: true } });
  const context = unit ? await loadCheckContext(prisma, unit.organization, unit.year) : null;
  return runReportStep(prisma, actor, input.reportId, "submit", async (tx, report) => {
    if (report.version !== input.baseVersion) throw new AppError("CONFLICT", "报告在您打开后已被修改，请先保存或刷新再提交");
    // The working copy under the lock: what is checked is what is frozen.
    const sections = await tx.reportSection.findMany({ where: { reportId: report.id } });
    const cells = await tx.reportCell.findMany({ where: { reportId: report.id } });
    const content = contentOfWorkingCopy({ ...report, sections, cells });
    const findings = checkContentIn(context!, report, content);
    const errors = findings.filter((f) => f.severity === "error");
    if (errors.length > 0) {
      throw new AppError(
        "INVALID",
        `存在${errors.length}项阻断性错误，不能提交`,
        Object.fromEntries(errors.map((f) => [findingId(f), f.message])),
      );
    }
    const warnings = findings.filter((f) => f.severity === "warning");
    const unexplained = warnings.filter((f) => !input.explanations[findingId(f)]?.trim());
    if (unexplained.length > 0) {
      throw new AppError(
        "INVALID",
        `有${unexplained.length}项提示需要填写说明后才能提交`,
        Object.fromEntries(unexplained.map((f) => [findingId(f), `请说明：${f.message}`])),
      );
    }
    const explanations = Object.fromEntries(warnings.map((f) => [findingId(f), input.explanations[findingId(f)]!.trim()]));
    await tx.report.update({ where: { id: report.id }, data: { status: "SUBMITTED" } });
    const revision = await freezeRevision(tx, report.id, { submittedById: actor.accountId, explanations });
    await noticeSubmitted(tx, actor, report);
    return { result: { revisionNumber: revision.number }, detail: { revision: revision.number, warnings: warnings.length } };
  });
}
