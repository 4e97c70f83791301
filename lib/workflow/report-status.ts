// How a report's state reads to people (草稿, 待审核, 已退回 …): with the
// lifecycle, below reports, the deadlines and the notifications that all show it.
import type { ReportStatus } from "@/lib/generated/prisma/enums";

/** How a status reads on the staff screens. A Record over the enum: a new state fails the type check until it is named. */
export const reportStatusLabel: Record<ReportStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "待审核",
  APPROVED: "已通过",
  PUBLISHED: "已发布",
};

/**
 * A draft whose latest revision was returned with comments (and not yet
 * resubmitted, withdrawn or published) reads 已退回, wherever a status is shown.
 */
export function isReturned(status: ReportStatus, latest: { publishedAt: Date | null; comments: number } | null | undefined): boolean {
  return status === "DRAFT" && !!latest && !latest.publishedAt && latest.comments > 0;
}

export function reportStatusText(status: ReportStatus, returned: boolean): string {
  return returned ? "已退回" : reportStatusLabel[status];
}
