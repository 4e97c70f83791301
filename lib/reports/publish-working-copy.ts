// Publishing straight from the working copy, for imports of reports that
// were already approved and published elsewhere (the command line and the
// demo). The revision, its cells, the stamps and the audit row commit together.
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorEventInput } from "@/lib/audit/actor-audit";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import type { Actor } from "@/lib/auth/actor";
import { freezeRevision, stampPublication } from "@/lib/reports/steps/freeze-revision";

/** Where the report was first published, as the file says (a portal page's metadata): kept in the audit record. */
export type OriginalPublication = {
  indexNumber?: string;
  publishedOn?: string;
  publisher?: string;
};

export async function publishWorkingCopy(
  tx: Prisma.TransactionClient,
  reportId: string,
  actor: string | Actor,
  publishedAt?: Date,
  original?: OriginalPublication,
) {
  const frozen = await freezeRevision(tx, reportId, { submittedById: null });
  const revision = await stampPublication(tx, frozen.id, typeof actor === "string" ? null : actor.accountId, publishedAt);
  const given = Object.entries(original ?? {}).filter((entry): entry is [string, string] => !!entry[1]);
  // 补录: a report published elsewhere, entered with its original date.
  const detail = {
    revision: revision.number,
    indexNumber: revision.indexNumber,
    backfill: "补录",
    publishedAt: revision.publishedAt?.toISOString() ?? null,
    // The old portal's 索引号 and date, when the file carried them; our 索引号 follows the county's scheme.
    ...(given.length > 0 ? { original: Object.fromEntries(given) } : {}),
  };
  await recordAuditEvent(
    tx,
    typeof actor === "string"
      ? { actor, event: "report.publish", objectType: "report", objectId: reportId, result: "success", detail }
      : actorEventInput(actor, "report.publish", { type: "report", id: reportId }, detail),
  );
  return revision;
}
