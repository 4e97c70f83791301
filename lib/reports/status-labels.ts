import type { ReportStatus } from "@/lib/generated/prisma/enums";

export const reportStatusLabel: Record<ReportStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "待审核",
  APPROVED: "已通过",
  PUBLISHED: "已发布",
};
