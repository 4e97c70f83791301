// Replaces a working copy's narrative sections and table cells, inside the
// caller's transaction (import and save both write them this way).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CellValue, ReportFormat } from "@/lib/report-format";
import { valuesToCellRows } from "./cell-rows";

export async function writeSectionsAndCells(
  tx: Prisma.TransactionClient,
  reportId: string,
  format: ReportFormat,
  content: { sections: Readonly<Record<string, string>>; values: Readonly<Record<string, CellValue>> },
): Promise<void> {
  await tx.reportSection.deleteMany({ where: { reportId } });
  await tx.reportSection.createMany({
    data: Object.entries(content.sections).map(([sectionKey, body]) => ({ reportId, sectionKey, body })),
  });
  await tx.reportCell.deleteMany({ where: { reportId } });
  await tx.reportCell.createMany({
    data: valuesToCellRows(format, content.values).map((row) => ({ ...row, reportId })),
  });
}
