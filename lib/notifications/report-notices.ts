// Who hears of a report's workflow step, and what they read: a submission
// reaches the unit's reviewers; a return, an approval and a publication reach
// its clerks. Called inside the step's transaction (lib/reports/steps).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { notify, unitPeople } from "./notify";

type Tx = Prisma.TransactionClient;

interface NoticeReport {
  id: string;
  year: number;
  organization: { id: string; name: string; slug: string; publisher: "REVIEWER" | "SUPERVISOR" };
}

const nameOf = (report: NoticeReport) => `${report.organization.name}${report.year}年度报告`;

export async function noticeSubmitted(tx: Tx, actor: Actor, report: NoticeReport) {
  await notify(tx, await unitPeople(tx, report.organization.id, ["REVIEWER"], actor.accountId), {
    kind: "REVIEW_REQUESTED",
    title: `待审核：${nameOf(report)}`,
    body: `${actor.displayName}已提交审核，请审核后通过或退回。`,
    href: `/workspace/reports/${report.id}/review`,
  });
}

export async function noticeReturned(tx: Tx, actor: Actor, report: NoticeReport, comments: number) {
  await notify(tx, await unitPeople(tx, report.organization.id, ["CLERK"], actor.accountId), {
    kind: "RETURNED",
    title: `已退回：${nameOf(report)}`,
    body: `审核人${actor.displayName}退回了报告，共${comments}条意见；请按意见修改后重新提交。`,
    href: `/workspace/reports/${report.id}`,
  });
}

export async function noticeApproved(tx: Tx, actor: Actor, report: NoticeReport) {
  await notify(tx, await unitPeople(tx, report.organization.id, ["CLERK"], actor.accountId), {
    kind: "APPROVED",
    title: `已审核通过：${nameOf(report)}`,
    body: report.organization.publisher === "SUPERVISOR" ? "审核通过，等待主管部门发布。" : "审核通过，等待发布。",
    href: `/workspace/reports/${report.id}`,
  });
}

export async function noticePublished(tx: Tx, actor: Actor, report: NoticeReport) {
  await notify(tx, await unitPeople(tx, report.organization.id, ["CLERK", "REVIEWER"], actor.accountId), {
    kind: "PUBLISHED",
    title: `已发布：${nameOf(report)}`,
    body: "报告已在政府信息公开平台发布。",
    href: `/reports/${report.organization.slug}/${report.year}`,
  });
}
