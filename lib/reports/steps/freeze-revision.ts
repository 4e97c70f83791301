// Freezing the working copy into an immutable revision, and stamping a
// revision as published. Both run inside the caller's transaction.
import type { Prisma } from "@/lib/generated/prisma/client";
import { todayInChina } from "@/lib/report-format";
import { allocateIndexNumber } from "@/lib/publication/index-number";
import { notifyPublication } from "@/lib/page-cache/publication-channel";

export async function freezeRevision(
  tx: Prisma.TransactionClient,
  reportId: string,
  extra: { submittedById: string | null; explanations?: Record<string, string> },
) {
  const report = await tx.report.findUniqueOrThrow({ where: { id: reportId }, include: { sections: true, cells: true } });
  const last = await tx.reportRevision.findFirst({ where: { reportId }, orderBy: { number: "desc" }, select: { number: true } });
  return tx.reportRevision.create({
    data: {
      reportId,
      number: (last?.number ?? 0) + 1,
      formatVersion: report.formatVersion,
      title: report.title,
      signatureLine: report.signatureLine,
      signedOn: report.signedOn,
      sections: Object.fromEntries(report.sections.map((s) => [s.sectionKey, s.body])),
      explanations: extra.explanations ?? {},
      correctionReason: report.correctionReason,
      submittedById: extra.submittedById,
      cells: {
        createMany: {
          data: report.cells.map(({ tableKey, rowKey, columnKey, count, amount, change }) => ({ tableKey, rowKey, columnKey, count, amount, change })),
        },
      },
    },
  });
}

/** Publishes a frozen revision: its 索引号, date and publisher, and the report's status. */
export async function stampPublication(
  tx: Prisma.TransactionClient,
  revisionId: string,
  publishedById: string | null,
  /** Only for imports of reports published elsewhere earlier; otherwise now. */
  publishedAt = new Date(),
) {
  const revision = await tx.reportRevision.findUniqueOrThrow({
    where: { id: revisionId },
    include: { report: { include: { organization: true } } },
  });
  const now = publishedAt;
  const indexNumber = await allocateIndexNumber(tx, revision.report.organization, Number(todayInChina(now).slice(0, 4)));
  const published = await tx.reportRevision.update({
    where: { id: revisionId },
    data: { publishedAt: now, indexNumber, publishedById },
  });
  await tx.report.update({ where: { id: revision.reportId }, data: { status: "PUBLISHED", correctionReason: null } });
  // Delivered on commit: every app instance drops its cached copy of the page.
  await notifyPublication(tx, { organization: revision.report.organization.slug, year: revision.report.year });
  return published;
}
