// Publishing straight from the working copy, for imports of reports that
// were already approved and published elsewhere (the command line and the
// demo). The revision, its cells, the stamps and the audit row commit together.
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorEventInput } from "@/lib/audit/actor-audit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { freezeRevision, stampPublication } from "@/lib/workflow/freeze-revision";

export async function publishWorkingCopy(tx: Prisma.TransactionClient, reportId: string, actor: string | Actor, publishedAt?: Date) {
  const frozen = await freezeRevision(tx, reportId, { submittedById: null });
  const revision = await stampPublication(tx, frozen.id, typeof actor === "string" ? null : actor.accountId, publishedAt);
  // 补录: a report published elsewhere, entered with its original date.
  const detail = { revision: revision.number, indexNumber: revision.indexNumber, backfill: "补录", publishedAt: revision.publishedAt?.toISOString() ?? null };
  await recordAuditEvent(
    tx,
    typeof actor === "string"
      ? { actor, event: "report.publish", objectType: "report", objectId: reportId, result: "success", detail }
      : actorEventInput(actor, "report.publish", { type: "report", id: reportId }, detail),
  );
  return revision;
}
