import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { currentReportYear, emptyValues, format2021, formatCells, todayInChina } from "@/lib/report-format";
import { cellRowsToValues } from "@/lib/reports/cell-rows";
import { getReportForEditor } from "@/lib/reports/editor-queries";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

/** What the editor sends: every input cell as text. */
function content(overrides: { cells?: Record<string, string>; sections?: Record<string, string>; title?: string } = {}) {
  const cells = Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, "0"]));
  return {
    title: overrides.title ?? "测试县甲镇人民政府2025年政府信息公开工作年度报告",
    signatureLine: "测试县甲镇人民政府",
    signedOn: "2026-01-20",
    sections: { overview: "（一）主动公开\n正文", problems: "问题", other: "无", ...overrides.sections },
    cells: { ...cells, ...overrides.cells },
  };
}

let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerkA: Actor;
let clerkB: Actor;
let reportA: string;

beforeEach(async () => {
  towns = await createCountyWithTownships(prisma);
  clerkA = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
  clerkB = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "CLERK" }]);
  reportA = (await startReport(clerkA, { organizationId: towns.townA.id, year: 2025, prefill: false }, prisma)).reportId;
});

async function stored(reportId: string) {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { cells: true, sections: true } });
  return { ...report, values: cellRowsToValues(format2021, report.cells) };
}

describe("saving a draft", () => {
  it("stores the content, computes totals on the server and audits before/after hashes", async () => {
    const result = await saveReport(
      clerkA,
      {
        reportId: reportA,
        baseVersion: 1,
        content: content({
          cells: {
            "applications.received.natural": "３",
            "applications.granted.natural": "2",
            "applications.carriedForward.natural": "1",
            // A total sent by the client is ignored: the server computes it.
            "applications.received.total": "999",
          },
        }),
      },
      prisma,
    );
    expect(result).toMatchObject({ status: "saved", version: 2 });
    const report = await stored(reportA);
    expect(report.values["applications.received.natural"]).toBe(3);
    expect(report.values["applications.received.total"]).toBe(3);
    expect(report.values["applications.outcomeTotal.natural"]).toBe(2);
    expect(report.lastEditedById).toBe(clerkA.accountId);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { objectId: reportA, event: "report.save" } });
    expect(audit).toMatchObject({ actor: clerkA.username, role: "填报人", result: "success" });
    const detail = audit.detail as { before: string; after: string };
    expect(detail.before).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.after).not.toBe(detail.before);
  });

  it("refuses invalid values with a message per cell and keeps the stored content", async () => {
    await saveReport(clerkA, { reportId: reportA, baseVersion: 1, content: content() }, prisma);
    await expect(
      saveReport(
        clerkA,
        {
          reportId: reportA,
          baseVersion: 2,
          content: content({ cells: { "active.penalty.decisions": "-1", "active.license.decisions": "1e9", "active.fee.amount": "1.23456" } }),
        },
        prisma,
      ),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: {
        "cells.active.penalty.decisions": "不能为负数",
        "cells.active.license.decisions": "请输入非负整数",
        "cells.active.fee.amount": "金额最多保留4位小数",
      },
    });
    const report = await stored(reportA);
    expect(report.version).toBe(2);
    expect(report.values["active.penalty.decisions"]).toBe(0);
  });

  it("rejects a stale save: the first person's text stays, the second gets it back to merge", async () => {
    const first = await saveReport(clerkA, { reportId: reportA, baseVersion: 1, content: content({ sections: { problems: "甲写的问题" } }) }, prisma);
    expect(first.status).toBe("saved");
    const colleague = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
    const second = await saveReport(
      colleague,
      { reportId: reportA, baseVersion: 1, content: content({ sections: { problems: "乙写的问题" } }) },
      prisma,
    );
    expect(second).toMatchObject({ status: "conflict", version: 2 });
    expect(second.status === "conflict" && second.content.sections.problems).toBe("甲写的问题");
    expect((await stored(reportA)).sections.find((s) => s.sectionKey === "problems")?.body).toBe("甲写的问题");

    // After merging, the second person saves on top of the latest version.
    const merged = await saveReport(
      colleague,
      { reportId: reportA, baseVersion: 2, content: content({ sections: { problems: "甲写的问题\n乙写的问题" } }) },
      prisma,
    );
    expect(merged).toMatchObject({ status: "saved", version: 3 });
  });

  it("of two saves on the same version at the same moment, exactly one wins", async () => {
    const results = await Promise.all(
      ["一", "二", "三", "四"].map((n) =>
        saveReport(clerkA, { reportId: reportA, baseVersion: 1, content: content({ sections: { other: `第${n}份` } }) }, prisma),
      ),
    );
    expect(results.filter((r) => r.status === "saved")).toHaveLength(1);
    expect(results.filter((r) => r.status === "conflict")).toHaveLength(3);
    expect((await stored(reportA)).version).toBe(2);
    expect(await prisma.auditEvent.count({ where: { objectId: reportA, event: "report.save", result: "success" } })).toBe(1);
  });

  it("ignores fields a clerk may not set", async () => {
    await saveReport(
      clerkA,
      {
        reportId: reportA,
        baseVersion: 1,
        content: { ...content(), status: "PUBLISHED", organizationId: towns.townB.id, year: 1999, lastEditedById: clerkB.accountId },
      },
      prisma,
    );
    const report = await stored(reportA);
    expect(report).toMatchObject({ status: "DRAFT", organizationId: towns.townA.id, year: 2025, lastEditedById: clerkA.accountId });
  });
});

describe("who may read and change a draft", () => {
  it("a clerk of another township can neither read nor change it, by any id", async () => {
    await expect(getReportForEditor(clerkB, reportA, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      saveReport(clerkB, { reportId: reportA, baseVersion: 1, content: content({ sections: { other: "乙镇改的" } }) }, prisma),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      startReport(clerkB, { organizationId: towns.townA.id, year: 2024, prefill: false }, prisma),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const report = await stored(reportA);
    expect(report.version).toBe(1);
    expect(report.sections.find((s) => s.sectionKey === "other")?.body).toBe("");
    expect(await prisma.report.count({ where: { organizationId: towns.townA.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { objectId: reportA, event: "report.save", result: "failure" } })).toBe(1);
  });

  it("no session, a reviewer, a supervisor or an administrator cannot save", async () => {
    const reviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
    const supervisor = await signedInActor(prisma, [{ organizationId: towns.county.id, role: "SUPERVISOR" }]);
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const attempt = (actor: Actor | null) =>
      saveReport(actor, { reportId: reportA, baseVersion: 1, content: content({ sections: { other: "改" } }) }, prisma);
    await expect(attempt(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const actor of [reviewer, supervisor, admin]) await expect(attempt(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await stored(reportA)).version).toBe(1);

    // Reviewers and the county's 主管部门 may read the draft; the administrator may not.
    expect((await getReportForEditor(reviewer, reportA, prisma)).canEdit).toBe(false);
    expect((await getReportForEditor(supervisor, reportA, prisma)).canEdit).toBe(false);
    await expect(getReportForEditor(admin, reportA, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getReportForEditor(null, reportA, prisma)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a submitted or published report cannot be saved", async () => {
    await prisma.report.update({ where: { id: reportA }, data: { status: "SUBMITTED" } });
    await expect(
      saveReport(clerkA, { reportId: reportA, baseVersion: 1, content: content() }, prisma),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getReportForEditor(clerkA, reportA, prisma)).canEdit).toBe(false);
  });
});

describe("starting a report", () => {
  it("prefills from last year: narrative copied, 结转下年度继续办理 carried into 上年结转", async () => {
    await saveReport(
      clerkA,
      {
        reportId: reportA,
        baseVersion: 1,
        content: content({
          sections: { problems: "去年的问题" },
          cells: { "applications.received.legal": "4", "applications.granted.legal": "1", "applications.carriedForward.legal": "3" },
        }),
      },
      prisma,
    );
    await expect(startReport(clerkA, { organizationId: towns.townA.id, year: 2025, prefill: false }, prisma)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const { reportId } = await startReport(clerkA, { organizationId: towns.townA.id, year: 2026, prefill: true }, prisma);
    const report = await getReportForEditor(clerkA, reportId, prisma);
    expect(report.content.title).toBe("测试县甲镇人民政府2026年政府信息公开工作年度报告");
    expect(report.content.sections.problems).toBe("去年的问题");
    expect(report.content.values["applications.carriedOver.legal"]).toBe(3);
    expect(report.content.values["applications.carriedOver.natural"]).toBe(0);
    expect(report.content.values["applications.received.legal"]).toBeNull();
    expect(report.previousValues?.["applications.carriedForward.legal"]).toBe(3);
    const future = currentReportYear("TOWNSHIP", todayInChina()) + 1;
    await expect(startReport(clerkA, { organizationId: towns.townA.id, year: future, prefill: false }, prisma)).rejects.toMatchObject({
      code: "INVALID",
    });
  });

  it("starts empty when asked", async () => {
    const report = await getReportForEditor(clerkA, reportA, prisma);
    expect(report.content.values).toEqual(emptyValues(format2021));
    expect(report.content.signedOn).toBeNull();
  });
});
