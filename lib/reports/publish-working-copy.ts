// Publishing straight from the working copy, for imports of reports that
// were already approved and published elsewhere (the command line and the
// demo). The revision, its cells, the stamps and the audit row commit together.
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { freezeRevision, stampPublication } from "@/lib/workflow/freeze-revision";

export async function publishWorkingCopy(tx: Prisma.TransactionClient, reportId: string, actor: string, publishedAt?: Date) {
  const frozen = await freezeRevision(tx, reportId, { submittedById: null });
  const revision = await stampPublication(tx, frozen.id, null, publishedAt);
  await recordAuditEvent(tx, {
    actor,
    event: "report.publish",
    objectType: "report",
    objectId: reportId,
    result: "success",
    // 补录: a report published elsewhere, entered with its original date.
    detail: { revision: revision.number, indexNumber: revision.indexNumber, backfill: "补录", publishedAt: revision.publishedAt?.toISOString() ?? null },
  });
  return revision;
}
