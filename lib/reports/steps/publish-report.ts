// 已通过 → 已发布, by whoever the organization's configuration names
// (stampPublication sets the status with the 索引号).
import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { stampPublication } from "./freeze-revision";
import { noticePublished } from "@/lib/notifications/report-notices";
import { StepRefused } from "@/lib/workflow/run-step";
import { runReportStep } from "./report-workflow";
import type { ZReviewDecisionInput } from "./schemas";

export async function publishReport(
  actorOrNull: Actor | null,
  input: z.output<typeof ZReviewDecisionInput>,
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  return runReportStep(prisma, actor, input.reportId, "publish", async (tx, report) => {
    // Publishes exactly the revision the publisher read: not a newer one.
    const revision = report.latest;
    if (!revision?.approval || revision.number !== input.revisionNumber) {
      // Publishing what is not the approved revision is worth a record of its own.
      throw new StepRefused("not-approved", "只有审核通过的报告才能发布，请刷新后查看最新状态");
    }
    const published = await stampPublication(tx, revision.id, actor.accountId);
    await noticePublished(tx, actor, report);
    return {
      result: { indexNumber: published.indexNumber },
      detail: { revision: published.number, indexNumber: published.indexNumber },
    };
  });
}
