// 待审核 → 已通过 (and, when the reviewer publishes, → 已发布 in the same
// transaction). Whoever submitted or last edited the revision cannot approve
// it. Of two reviewers approving at once, exactly one succeeds: the second
// waits on the row lock and finds the report no longer 待审核.
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { stampPublication } from "./freeze-revision";
import { noticeApproved, noticePublished } from "@/lib/notifications/report-notices";
import { reportAlreadyHandled, runReportStep } from "./report-workflow";
import type { ZApproveReportInput } from "./schemas";

export async function approveReport(
  actorOrNull: Actor | null,
  input: z.output<typeof ZApproveReportInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  // Who may approve (and publish at once), and who may not because they helped write it: the steps table.
  return runReportStep<{ published: false } | { published: true; indexNumber: string | null }>(prisma, actor, input.reportId, input.publish ? "approveAndPublish" : "approve", async (tx, report) => {
    const revision = report.latest;
    if (!revision || revision.number !== input.revisionNumber) throw reportAlreadyHandled();
    await tx.report.update({ where: { id: report.id }, data: { status: "APPROVED" } });
    await tx.approval.create({ data: { revisionId: revision.id, approvedById: actor.accountId } });
    const detail = { revision: revision.number };
    if (!input.publish) {
      await noticeApproved(tx, actor, report);
      return { result: { published: false as const }, detail };
    }
    const published = await stampPublication(tx, revision.id, actor.accountId);
    await noticePublished(tx, actor, report);
    return {
      result: { published: true as const, indexNumber: published.indexNumber },
      detail,
      also: [{ event: "report.publish", detail: { revision: published.number, indexNumber: published.indexNumber } }],
    };
  });
}
