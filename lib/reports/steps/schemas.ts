import { z } from "zod";

export const ZSubmitReportInput = z.object({
  reportId: z.uuid(),
  baseVersion: z.number().int().min(1),
  /** The clerk's explanation of each warning, by finding id. */
  explanations: z.record(z.string(), z.string().trim().max(2000, "说明过长（最多2000字）")).default({}),
});

export const ZReportRef = z.object({ reportId: z.uuid() });

export const ZReviewDecisionInput = z.object({
  reportId: z.uuid(),
  /** The revision the reviewer read: a decision never applies to a newer one. */
  revisionNumber: z.number().int().min(1),
});

export const ZReturnReportInput = ZReviewDecisionInput.extend({
  comments: z
    .array(
      z.object({
        target: z.string().max(200).nullable(),
        body: z.string().trim().min(1, "请填写退回意见").max(2000, "意见过长（最多2000字）"),
      }),
    )
    .min(1, "请至少填写一条退回意见")
    .max(100),
});

export const ZApproveReportInput = ZReviewDecisionInput.extend({ publish: z.boolean().default(false) });

export const ZStartCorrectionInput = z.object({
  reportId: z.uuid(),
  reason: z.string().trim().min(4, "请说明更正原因（至少4个字）").max(500, "更正原因过长"),
});
