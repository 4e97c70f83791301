// Freezes a report's working copy into a new immutable, published revision.
// Runs inside the caller's transaction: the revision, its cells, the status
// change and the audit row commit together.
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export async function publishWorkingCopy(tx: Prisma.TransactionClient, reportId: string, actor: string) {
  const report = await tx.report.findUniqueOrThrow({
    where: { id: reportId },
    include: { sections: true, cells: true },
  });
  const last = await tx.reportRevision.findFirst({
    where: { reportId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const now = new Date();
  const revision = await tx.reportRevision.create({
    data: {
      reportId,
      number: (last?.number ?? 0) + 1,
      formatVersion: report.formatVersion,
      title: report.title,
      signatureLine: report.signatureLine,
      signedOn: report.signedOn,
      sections: Object.fromEntries(report.sections.map((s) => [s.sectionKey, s.body])),
      publishedAt: now,
      cells: {
        createMany: {
          data: report.cells.map(({ tableKey, rowKey, columnKey, count, amount }) => ({
            tableKey,
            rowKey,
            columnKey,
            count,
            amount,
          })),
        },
      },
    },
  });
  await tx.report.update({ where: { id: reportId }, data: { status: "PUBLISHED" } });
  await recordAuditEvent(tx, {
    actor,
    event: "report.publish",
    objectType: "report",
    objectId: reportId,
    result: "success",
    detail: { revision: revision.number },
  });
  return revision;
}
