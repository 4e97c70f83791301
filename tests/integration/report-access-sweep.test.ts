// Every report step called by someone who may not: no session, a system
// administrator (also one holding content roles granted before they were
// refused), regional administrators of the county and of the city above it,
// a neighbouring county's 主管部门, and another township's clerk and reviewer. Each is refused on the
// server and nothing of township A's reports changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { findingId, format2021, formatCells } from "@/lib/report-format";
import { checkReportContent } from "@/lib/reports/check-content";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { approveReport } from "@/lib/reports/steps/approve-report";
import { returnReport } from "@/lib/reports/steps/return-report";
import { startCorrection } from "@/lib/reports/steps/start-correction";
import { submitReport } from "@/lib/reports/steps/submit-report";
import { withdrawReport } from "@/lib/reports/steps/withdraw-report";
import { createCountyWithTownships, signedInActor, testPrisma, uniqueSlug } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let townA: string;
let attempts: [string, (actor: Actor | null) => Promise<unknown>][];
let outsiders: [string, Actor][];

const snapshot = () =>
  prisma.report.findMany({
    where: { organizationId: townA },
    orderBy: { year: "asc" },
    include: { sections: { orderBy: { sectionKey: "asc" } }, cells: { orderBy: [{ rowKey: "asc" }, { columnKey: "asc" }] }, revisions: { include: { approval: true } } },
  });

function content(title: string) {
  return {
    title,
    signatureLine: "测试县甲镇人民政府",
    signedOn: "2025-01-20",
    sections: { overview: "（一）主动公开\n本年主动公开信息。", problems: "存在问题：公开不够及时。改进措施：加强培训。", other: "无" },
    cells: Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, "0"])),
  };
}

/** A report of township A, filled in and submitted by its clerk. */
async function submitted(clerk: Actor, year: number) {
  const { reportId } = await startReport(clerk, { organizationId: townA, year, prefill: false }, prisma);
  await saveReport(clerk, { reportId, baseVersion: 1, content: content(`测试县甲镇人民政府${year}年政府信息公开工作年度报告`) }, prisma);
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true, sections: true, cells: true } });
  const findings = await checkReportContent(prisma, report, contentOfWorkingCopy(report));
  const explanations = Object.fromEntries(findings.filter((f) => f.severity === "warning").map((f) => [findingId(f), "已核实"]));
  await submitReport(clerk, { reportId, baseVersion: report.version, explanations }, prisma);
  return reportId;
}

beforeAll(async () => {
  const towns = await createCountyWithTownships(prisma);
  const neighbour = await createCountyWithTownships(prisma);
  // Both counties under one city, so its administrator's region holds township A.
  const city = await prisma.organization.create({ data: { slug: uniqueSlug("city"), name: "测试市人民政府", shortName: "测试市", kind: "CITY_GOVERNMENT" } });
  await prisma.organization.updateMany({ where: { id: { in: [towns.county.id, neighbour.county.id] } }, data: { parentId: city.id } });
  townA = towns.townA.id;
  const clerk = await signedInActor(prisma, [{ organizationId: townA, role: "CLERK" }]);
  const reviewer = await signedInActor(prisma, [{ organizationId: townA, role: "REVIEWER" }]);
  const draft = (await startReport(clerk, { organizationId: townA, year: 2025, prefill: false }, prisma)).reportId;
  const inReview = await submitted(clerk, 2024);
  const published = await submitted(clerk, 2023);
  await approveReport(reviewer, { reportId: published, revisionNumber: 1, publish: true }, prisma);
  attempts = [
    ["start", (a) => startReport(a, { organizationId: townA, year: 2022, prefill: false }, prisma)],
    ["save", (a) => saveReport(a, { reportId: draft, baseVersion: 1, content: content("越权修改") }, prisma)],
    ["submit", (a) => submitReport(a, { reportId: draft, baseVersion: 1, explanations: {} }, prisma)],
    ["withdraw", (a) => withdrawReport(a, { reportId: inReview }, prisma)],
    ["return", (a) => returnReport(a, { reportId: inReview, revisionNumber: 1, comments: [{ target: null, body: "越权退回" }] }, prisma)],
    ["approve", (a) => approveReport(a, { reportId: inReview, revisionNumber: 1, publish: true }, prisma)],
    ["correct", (a) => startCorrection(a, { reportId: published, reason: "越权更正一下" }, prisma)],
  ];
  outsiders = [
    ["administrator", await signedInActor(prisma, [], { isSystemAdmin: true })],
    [
      "administrator holding 填报人 and 审核人 from before",
      await signedInActor(prisma, [{ organizationId: townA, role: "CLERK" }, { organizationId: townA, role: "REVIEWER" }], { isSystemAdmin: true }),
    ],
    ["other clerk", await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "CLERK" }])],
    ["other reviewer", await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "REVIEWER" }])],
    // Administrators at every level manage accounts, never content.
    ["the county's regional administrator", await signedInActor(prisma, [{ organizationId: towns.county.id, role: "ADMINISTRATOR" }])],
    ["the city's regional administrator", await signedInActor(prisma, [{ organizationId: city.id, role: "ADMINISTRATOR" }])],
    ["a neighbouring county's 主管部门", await signedInActor(prisma, [{ organizationId: neighbour.county.id, role: "SUPERVISOR" }])],
  ];
});

describe("report access sweep", () => {
  it("refuses every step without a session, and to every outsider, and changes nothing", async () => {
    const before = await snapshot();
    for (const [name, attempt] of attempts) {
      await expect(attempt(null), `${name} without a session`).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      for (const [who, actor] of outsiders) {
        const refusal = await attempt(actor).then(
          () => null,
          (error: { code?: string }) => error.code,
        );
        expect(["FORBIDDEN", "NOT_FOUND"], `${name} by the ${who}`).toContain(refusal);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
