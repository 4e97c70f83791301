import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { checkReport, findingId, format2021, formatCells } from "@/lib/report-format";
import { getPublishedReport } from "@/lib/reports/queries";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { approveReport } from "@/lib/reports/steps/approve-report";
import { publishReport } from "@/lib/reports/steps/publish-report";
import { returnReport } from "@/lib/reports/steps/return-report";
import { startCorrection } from "@/lib/reports/steps/start-correction";
import { submitReport } from "@/lib/reports/steps/submit-report";
import { withdrawReport } from "@/lib/reports/steps/withdraw-report";
import { createCountyWithTownships, ownerPrisma, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const YEAR = 2025;
let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerk: Actor;
let reviewer: Actor;
let reportId: string;

/** A complete, consistent report whose only warning is a late signature date. */
function content(overrides: { other?: string; signedOn?: string; license?: string } = {}) {
  const cells: Record<string, string> = Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, "0"]));
  return {
    title: `测试县甲镇人民政府${YEAR}年政府信息公开工作年度报告`,
    signatureLine: "测试县甲镇人民政府",
    signedOn: overrides.signedOn ?? `${YEAR + 1}-01-20`,
    sections: {
      overview: "（一）主动公开\n正文",
      problems: "一是公开内容不够全面的问题仍然存在。\n下一步将加强培训，改进信息发布质量。",
      other: overrides.other ?? "无",
    },
    cells: { ...cells, "active.license.decisions": overrides.license ?? "58" } as Record<string, string>,
  };
}

async function save(body: ReturnType<typeof content>) {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
  const result = await saveReport(clerk, { reportId, baseVersion: report.version, content: body }, prisma);
  if (result.status !== "saved") throw new Error("save conflicted");
  return result.version;
}

async function submit(explanations: Record<string, string> = {}) {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
  return submitReport(clerk, { reportId, baseVersion: report.version, explanations }, prisma);
}

const status = async () => (await prisma.report.findUniqueOrThrow({ where: { id: reportId } })).status;
const events = async (event: string) => prisma.auditEvent.count({ where: { objectId: reportId, event, result: "success" } });

beforeEach(async () => {
  towns = await createCountyWithTownships(prisma);
  clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
  reviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
  reportId = (await startReport(clerk, { organizationId: towns.townA.id, year: YEAR, prefill: false }, prisma)).reportId;
});

describe("submitting", () => {
  it("is blocked while a blocking rule fails", async () => {
    await save({ ...content(), cells: { ...content().cells, "applications.received.natural": "3" } });
    await expect(submit()).rejects.toMatchObject({ code: "INVALID", message: "存在2项阻断性错误，不能提交" });
    expect(await status()).toBe("DRAFT");
    expect(await prisma.reportRevision.count({ where: { reportId } })).toBe(0);
  });

  it("needs a written explanation of each warning, which the revision keeps", async () => {
    await save(content({ signedOn: `${YEAR + 1}-02-10` }));
    const error = await submit().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID", message: "有1项提示需要填写说明后才能提交" });
    const [warning] = checkReport({
      format: format2021,
      organization: { name: towns.townA.name, kind: "TOWNSHIP" },
      year: YEAR,
      title: content().title,
      signedOn: `${YEAR + 1}-02-10`,
      values: {},
    }).filter((f) => f.rule === "signature-date");
    const id = findingId(warning!);
    expect(await submit({ [id]: "经县政务公开办同意延期报送" })).toEqual({ revisionNumber: 1 });
    expect(await status()).toBe("SUBMITTED");
    const revision = await prisma.reportRevision.findFirstOrThrow({ where: { reportId } });
    expect(revision.explanations).toEqual({ [id]: "经县政务公开办同意延期报送" });
    expect(revision.submittedById).toBe(clerk.accountId);
    expect(revision.publishedAt).toBeNull();
    expect(await events("report.submit")).toBe(1);
  });

  it("freezes what was saved: later edits are refused until the report is back in draft", async () => {
    await save(content());
    await submit();
    await expect(saveReport(clerk, { reportId, baseVersion: 2, content: content({ other: "改" }) }, prisma)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("the whole path, and what is refused along it", () => {
  it("submit → return with a comment on a cell → resubmit → approve and publish → correct → publish again", async () => {
    await save(content());
    await submit();
    // Nothing is public before approval.
    expect(await getPublishedReport(towns.townA.slug, YEAR)).toBeNull();
    await expect(publishReport(reviewer, { reportId, revisionNumber: 1 }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });

    await returnReport(
      reviewer,
      { reportId, revisionNumber: 1, comments: [{ target: "cells.active.license.decisions", body: "行政许可数量与台账不符" }] },
      prisma,
    );
    expect(await status()).toBe("DRAFT");
    const comments = await prisma.reviewComment.findMany({ where: { revision: { reportId } } });
    expect(comments).toMatchObject([{ target: "cells.active.license.decisions", body: "行政许可数量与台账不符", authorId: reviewer.accountId }]);

    await save(content({ license: "57" }));
    expect(await submit()).toEqual({ revisionNumber: 2 });
    await expect(approveReport(reviewer, { reportId, revisionNumber: 1, publish: true }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
    const approved = await approveReport(reviewer, { reportId, revisionNumber: 2, publish: true }, prisma);
    expect(approved.published).toBe(true);
    expect(await status()).toBe("PUBLISHED");
    // Decisions are records: the app's role may not change them, and the triggers refuse even the owner.
    const approval = await prisma.approval.findFirstOrThrow({ where: { revision: { reportId } } });
    const owner = ownerPrisma();
    for (const [client, refusal] of [[prisma, /permission denied/], [owner, /not allowed/]] as const) {
      await expect(client.approval.update({ where: { id: approval.id }, data: { approvedAt: new Date(0) } })).rejects.toThrow(refusal);
      await expect(client.approval.delete({ where: { id: approval.id } })).rejects.toThrow(refusal);
      await expect(client.reviewComment.deleteMany({ where: { revision: { reportId } } })).rejects.toThrow(refusal);
    }
    await owner.$disconnect();

    const published = await getPublishedReport(towns.townA.slug, YEAR);
    // Internal revisions count submissions (the returned one was 1); the public edition counts publications.
    expect(published).toMatchObject({ revision: 2, edition: 1 });
    expect(published!.values["active.license.decisions"]).toBe(57);
    const revision = await prisma.reportRevision.findFirstOrThrow({ where: { reportId, number: 2 } });
    expect(revision.indexNumber).toMatch(new RegExp(`^${towns.townA.slug.toUpperCase()}/\\d{4}-00001$`));
    expect(revision.publishedById).toBe(reviewer.accountId);

    // 更正: the public keeps revision 2 until the correction is published.
    await startCorrection(clerk, { reportId, reason: "行政许可数量统计有误" }, prisma);
    await save(content({ license: "56" }));
    await submit();
    expect((await getPublishedReport(towns.townA.slug, YEAR))!.values["active.license.decisions"]).toBe(57);
    await approveReport(reviewer, { reportId, revisionNumber: 3, publish: false }, prisma);
    expect((await getPublishedReport(towns.townA.slug, YEAR))!.revision).toBe(2);
    await expect(publishReport(reviewer, { reportId, revisionNumber: 2 }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
    await publishReport(reviewer, { reportId, revisionNumber: 3 }, prisma);
    const corrected = await getPublishedReport(towns.townA.slug, YEAR);
    expect(corrected!.revision).toBe(3);
    expect(corrected!.values["active.license.decisions"]).toBe(56);
    const third = await prisma.reportRevision.findFirstOrThrow({ where: { reportId, number: 3 } });
    expect(third.correctionReason).toBe("行政许可数量统计有误");
    expect(third.indexNumber).toMatch(/-00002$/);

    for (const event of ["report.submit", "report.return", "report.approve", "report.publish", "report.correct"]) {
      expect(await events(event), event).toBeGreaterThan(0);
    }
  });

  it("whoever submitted or last edited a revision cannot approve it", async () => {
    const clerkAndReviewer = await signedInActor(prisma, [
      { organizationId: towns.townA.id, role: "CLERK" },
      { organizationId: towns.townA.id, role: "REVIEWER" },
    ]);
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
    await saveReport(clerkAndReviewer, { reportId, baseVersion: report.version, content: content() }, prisma);
    await submitReport(clerkAndReviewer, { reportId, baseVersion: report.version + 1, explanations: {} }, prisma);
    await expect(approveReport(clerkAndReviewer, { reportId, revisionNumber: 1, publish: false }, prisma)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "提交或最后修改该报告的人不能审核通过",
    });
    expect(await status()).toBe("SUBMITTED");
    expect(await prisma.approval.count({ where: { revision: { reportId } } })).toBe(0);
  });

  it("anyone who saved content since the previous revision cannot approve it, even if a colleague saved last", async () => {
    const clerkAndReviewer = await signedInActor(prisma, [
      { organizationId: towns.townA.id, role: "CLERK" },
      { organizationId: towns.townA.id, role: "REVIEWER" },
    ]);
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
    await saveReport(clerkAndReviewer, { reportId, baseVersion: report.version, content: content({ other: "自己写的" }) }, prisma);
    await save(content({ other: "同事改了一个字" }));
    await submit();
    await expect(approveReport(clerkAndReviewer, { reportId, revisionNumber: 1, publish: false }, prisma)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await approveReport(reviewer, { reportId, revisionNumber: 1, publish: false }, prisma);
  });

  it("the 主管部门 can send an approved report back instead of publishing it", async () => {
    await prisma.organization.update({ where: { id: towns.townA.id }, data: { publisher: "SUPERVISOR" } });
    const supervisor = await signedInActor(prisma, [{ organizationId: towns.county.id, role: "SUPERVISOR" }]);
    await save(content());
    await submit();
    await approveReport(reviewer, { reportId, revisionNumber: 1, publish: false }, prisma);
    await returnReport(supervisor, { reportId, revisionNumber: 1, comments: [{ target: "sections.other", body: "请补充信息处理费情况" }] }, prisma);
    expect(await status()).toBe("DRAFT");
    expect(await events("report.return")).toBe(1);
    await expect(publishReport(supervisor, { reportId, revisionNumber: 1 }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses approval after withdrawal, publishing the unapproved, and other townships and roles", async () => {
    await save(content());
    await submit();
    const otherClerk = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "CLERK" }]);
    const otherReviewer = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "REVIEWER" }]);
    await expect(withdrawReport(otherClerk, { reportId }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveReport(otherReviewer, { reportId, revisionNumber: 1, publish: true }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveReport(clerk, { reportId, revisionNumber: 1, publish: false }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveReport(null, { reportId, revisionNumber: 1, publish: false }, prisma)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(publishReport(reviewer, { reportId, revisionNumber: 1 }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      returnReport(otherReviewer, { reportId, revisionNumber: 1, comments: [{ target: null, body: "x" }] }, prisma),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await withdrawReport(clerk, { reportId }, prisma);
    expect(await status()).toBe("DRAFT");
    expect(await events("report.withdraw")).toBe(1);
    await expect(approveReport(reviewer, { reportId, revisionNumber: 1, publish: true }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(withdrawReport(clerk, { reportId }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prisma.approval.count({ where: { revision: { reportId } } })).toBe(0);
    expect(await getPublishedReport(towns.townA.slug, YEAR)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { objectId: reportId, result: "failure" } })).toBeGreaterThanOrEqual(4);
  });

  it("where the 主管部门 publishes, the reviewer approves and the supervisor publishes", async () => {
    await prisma.organization.update({ where: { id: towns.townA.id }, data: { publisher: "SUPERVISOR" } });
    const supervisor = await signedInActor(prisma, [{ organizationId: towns.county.id, role: "SUPERVISOR" }]);
    await save(content());
    await submit();
    await expect(approveReport(reviewer, { reportId, revisionNumber: 1, publish: true }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await approveReport(reviewer, { reportId, revisionNumber: 1, publish: false }, prisma);
    await expect(publishReport(reviewer, { reportId, revisionNumber: 1 }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await publishReport(supervisor, { reportId, revisionNumber: 1 }, prisma);
    expect(await status()).toBe("PUBLISHED");
  });
});

describe("two reviewers approving at the same moment", () => {
  it("produce exactly one transition, one approval and one audit row — every time", async () => {
    for (let round = 0; round < 5; round += 1) {
      if (round > 0) {
        towns = await createCountyWithTownships(prisma);
        clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
        reportId = (await startReport(clerk, { organizationId: towns.townA.id, year: YEAR, prefill: false }, prisma)).reportId;
      }
      const reviewers = await Promise.all(
        Array.from({ length: 4 }, () => signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }])),
      );
      await save(content());
      await submit();
      const results = await Promise.allSettled(
        reviewers.map((r) => approveReport(r, { reportId, revisionNumber: 1, publish: true }, prisma)),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const failed of results.filter((r) => r.status === "rejected")) {
        expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT", message: "该报告已被处理，请刷新后查看最新状态" });
      }
      expect(await prisma.approval.count({ where: { revision: { reportId } } })).toBe(1);
      expect(await events("report.approve")).toBe(1);
      expect(await events("report.publish")).toBe(1);
      expect(await prisma.reportRevision.count({ where: { reportId, publishedAt: { not: null } } })).toBe(1);
    }
  });
});

describe("a failure in the middle of approve-and-publish", () => {
  it("leaves the old state: no approval, no publication, no audit row", async () => {
    await save(content());
    await submit();
    // The 索引号 this publication will take is already held by another
    // revision, so the unique index fails inside the transaction, after the
    // status change and the approval were written.
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const other = await createCountyWithTownships(prisma);
    const otherReport = await prisma.report.create({
      data: { organizationId: other.townA.id, year: YEAR, formatVersion: "2021", title: "占用索引号的报告" },
    });
    await prisma.reportRevision.create({
      data: {
        reportId: otherReport.id,
        number: 1,
        formatVersion: "2021",
        title: "占用索引号的报告",
        signatureLine: "",
        sections: {},
        publishedAt: new Date(),
        indexNumber: `${towns.townA.slug.toUpperCase()}/${year}-00001`,
      },
    });
    await expect(approveReport(reviewer, { reportId, revisionNumber: 1, publish: true }, prisma)).rejects.toThrow();
    expect(await status()).toBe("SUBMITTED");
    expect(await prisma.approval.count({ where: { revision: { reportId } } })).toBe(0);
    expect(await events("report.approve")).toBe(0);
    expect(await getPublishedReport(towns.townA.slug, YEAR)).toBeNull();
    // The serial rolled back with the rest. Once the clash is cleared (here:
    // serial 1 marked as used), the same approval goes through.
    expect(await prisma.indexSerial.count({ where: { organizationId: towns.townA.id } })).toBe(0);
    await prisma.indexSerial.create({ data: { organizationId: towns.townA.id, year, lastSerial: 1 } });
    await approveReport(reviewer, { reportId, revisionNumber: 1, publish: true }, prisma);
    expect(await status()).toBe("PUBLISHED");
  });
});
