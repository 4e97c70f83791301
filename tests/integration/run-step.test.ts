// The shared step runner (lib/workflow/run-step.ts), on real PostgreSQL:
// every refusal is audited and changes nothing; a change that fails leaves
// no trace; the row lock makes two people acting at once come out as one
// success and one refusal. Exercised through catalog items and reports, the
// two lifecycles that share it.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { approveCatalogItem } from "@/lib/catalog/approve-item";
import { runCatalogStep } from "@/lib/catalog/catalog-steps";
import { saveCatalogItem } from "@/lib/catalog/save-item";
import { publishReport } from "@/lib/reports/steps/publish-report";
import { runReportStep } from "@/lib/reports/steps/report-workflow";
import { startReport } from "@/lib/reports/start-report";
import { AppError } from "@/lib/errors";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { draftItem, itemFields, itemVersion, submittedItem } from "./catalog/catalog-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerk: Actor;
let reviewer: Actor;
let secondReviewer: Actor;

const auditRows = (objectId: string) =>
  prisma.auditEvent.findMany({ where: { objectId }, orderBy: { id: "asc" }, select: { event: true, result: true, detail: true, actor: true } });

beforeEach(async () => {
  towns = await createCountyWithTownships(prisma);
  clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
  reviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
  secondReviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
});

describe("the step runner", () => {
  it("refuses a role the table does not name before the change runs, audits it, and changes nothing", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    let ran = false;
    const attempt = runCatalogStep(prisma, reviewer, itemId, "submit", async () => {
      ran = true;
      return { result: undefined };
    });
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN", message: "只有本单位的填报人可以提交" });
    expect(ran).toBe(false);
    const last = (await auditRows(itemId)).at(-1);
    expect(last).toMatchObject({ event: "catalog.submit", result: "failure", actor: reviewer.username, detail: { reason: "forbidden" } });
    expect((await prisma.catalogItem.findUniqueOrThrow({ where: { id: itemId } })).status).toBe("DRAFT");
  });

  it("gives the table's own words and reason for the wrong state, and the lifecycle's otherwise", async () => {
    const itemId = await submittedItem(prisma, clerk, towns.townA.id);
    await expect(saveCatalogItem(clerk, { itemId, baseVersion: await itemVersion(prisma, itemId), ...itemFields() }, prisma)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "只有草稿可以修改",
    });
    await expect(runCatalogStep(prisma, clerk, itemId, "submit", async () => ({ result: undefined }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "该信息已被他人处理或修改，请刷新后查看最新状态",
    });
    const refusals = (await auditRows(itemId)).filter((r) => r.result === "failure");
    expect(refusals.map((r) => [r.event, (r.detail as { reason: string }).reason])).toEqual([
      ["catalog.save", "not-draft"],
      ["catalog.submit", "state"],
    ]);
  });

  it("rolls back a change that fails: no change, no success row", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    const before = await auditRows(itemId);
    const attempt = runCatalogStep(prisma, clerk, itemId, "submit", async (tx, item) => {
      await tx.catalogItem.update({ where: { id: item.id }, data: { status: "SUBMITTED" } });
      throw new AppError("INVALID", "附件不全");
    });
    await expect(attempt).rejects.toMatchObject({ code: "INVALID" });
    expect((await prisma.catalogItem.findUniqueOrThrow({ where: { id: itemId } })).status).toBe("DRAFT");
    expect(await auditRows(itemId)).toEqual(before);
  });

  it("writes the step's audit row, and any further event, with the change", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    await runCatalogStep(prisma, clerk, itemId, "submit", async (tx, item) => {
      await tx.catalogItem.update({ where: { id: item.id }, data: { status: "SUBMITTED", submittedById: clerk.accountId } });
      return { result: undefined, detail: { note: "测试" }, also: [{ event: "catalog.test-follow-up" }] };
    });
    expect((await auditRows(itemId)).slice(-2)).toEqual([
      { event: "catalog.submit", result: "success", actor: clerk.username, detail: { note: "测试" } },
      { event: "catalog.test-follow-up", result: "success", actor: clerk.username, detail: null },
    ]);
  });

  it("answers 未找到 for a subject that does not exist", async () => {
    await expect(runCatalogStep(prisma, clerk, randomUUID(), "submit", async () => ({ result: undefined }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(runReportStep(prisma, clerk, randomUUID(), "submit", async () => ({ result: undefined }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("holds the row: of two reviewers approving at once, one publishes and the other is refused — audited, nothing doubled", async () => {
    for (let round = 0; round < 3; round += 1) {
      const itemId = await submittedItem(prisma, clerk, towns.townA.id);
      const baseVersion = await itemVersion(prisma, itemId);
      const outcomes = await Promise.allSettled([
        approveCatalogItem(reviewer, { itemId, baseVersion }, prisma),
        approveCatalogItem(secondReviewer, { itemId, baseVersion }, prisma),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: "CONFLICT" });
      const rows = await auditRows(itemId);
      expect(rows.filter((r) => r.event === "catalog.publish" && r.result === "success")).toHaveLength(1);
      expect(rows.filter((r) => r.event === "catalog.approve" && r.result === "failure")).toHaveLength(1);
      const item = await prisma.catalogItem.findUniqueOrThrow({ where: { id: itemId } });
      expect(item).toMatchObject({ status: "PUBLISHED", version: baseVersion + 1 });
    }
  });

  it("a report's step waits for the row another transaction holds, then decides on what that one left", async () => {
    const { reportId } = await startReport(clerk, { organizationId: towns.townA.id, year: 2024, prefill: false }, prisma);
    // Another transaction holds the report's row and moves it to 待审核; the
    // runner must wait for it rather than decide on what it read before.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM report WHERE id = ${reportId}::uuid FOR UPDATE`;
      await tx.report.update({ where: { id: reportId }, data: { status: "SUBMITTED" } });
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const submit = runReportStep(prisma, clerk, reportId, "submit", async () => ({ result: "ran" }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await holder;
    // The holder moved it to 待审核 while the runner waited: 提交 is no longer a step from there.
    await expect(submit).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(publishReport(reviewer, { reportId, revisionNumber: 1 }, prisma)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "只有审核通过的报告才能发布，请刷新后查看最新状态",
    });
    const refusals = (await auditRows(reportId)).filter((r) => r.result === "failure");
    expect(refusals.map((r) => [r.event, (r.detail as { reason: string }).reason])).toEqual([
      ["report.submit", "state"],
      ["report.publish", "not-approved"],
    ]);
    // A refusal the change itself finds (not the approved revision) rolls back, then is audited.
    await prisma.report.update({ where: { id: reportId }, data: { status: "APPROVED" } });
    await expect(publishReport(reviewer, { reportId, revisionNumber: 1 }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
    const last = (await auditRows(reportId)).at(-1);
    expect(last).toMatchObject({ event: "report.publish", result: "failure", detail: { reason: "not-approved" } });
    expect((await prisma.report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("APPROVED");
  });
});
