// Faults in the middle of approve-and-publish: the database going away, and
// the app process killed. Each leaves the old state whole — no approval, no
// publication, no audit row of it — and the app approves and publishes once
// the fault is gone, without a restart.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findingId, format2021, formatCells } from "@/lib/report-format";
import { checkReportContent } from "@/lib/reports/check-content";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { getPublishedReport } from "@/lib/reports/queries";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { approveReport } from "@/lib/reports/steps/approve-report";
import { submitReport } from "@/lib/reports/steps/submit-report";
import { createCountyWithTownships, databaseUrl, signedInActor, testPrisma } from "./helpers";
import { TcpProxy } from "./tcp-proxy";

const prisma = testPrisma();
const target = new URL(databaseUrl());
const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
afterAll(async () => {
  await proxy.stop();
  await prisma.$disconnect();
});

/** A submitted report of a fresh township, and a reviewer who may approve and publish it. */
async function submitted() {
  const { townA } = await createCountyWithTownships(prisma);
  const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
  const reviewer = await signedInActor(prisma, [{ organizationId: townA.id, role: "REVIEWER" }]);
  const { reportId } = await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma);
  const cells = Object.fromEntries(formatCells(format2021).filter((c) => !c.sum).map((c) => [c.key, "0"]));
  const content = {
    title: `${townA.name}2025年政府信息公开工作年度报告`,
    signatureLine: townA.name,
    signedOn: "2026-01-20",
    sections: { overview: "（一）主动公开\n本年主动公开信息。", problems: "存在问题：公开不够及时。改进措施：加强培训。", other: "无" },
    cells,
  };
  await saveReport(clerk, { reportId, baseVersion: 1, content }, prisma);
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { organization: true, sections: true, cells: true } });
  const findings = await checkReportContent(prisma, report, contentOfWorkingCopy(report));
  const explanations = Object.fromEntries(findings.filter((f) => f.severity === "warning").map((f) => [findingId(f), "已核实"]));
  await submitReport(clerk, { reportId, baseVersion: report.version, explanations }, prisma);
  return { reportId, reviewer, slug: townA.slug };
}

/** Nothing of the approval and publication happened. */
async function untouched(reportId: string, slug: string) {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { revisions: { include: { approval: true } } } });
  expect(report.status).toBe("SUBMITTED");
  expect(report.revisions).toHaveLength(1);
  expect(report.revisions[0]).toMatchObject({ publishedAt: null, indexNumber: null, approval: null });
  expect(await prisma.auditEvent.count({ where: { objectId: reportId, event: { in: ["report.approve", "report.publish"] } } })).toBe(0);
  expect(await prisma.publicationLog.count({ where: { organizationSlug: slug } })).toBe(0);
  expect(await getPublishedReport(slug, 2025)).toBeNull();
}

async function publishedOnce(reportId: string, slug: string, reviewer: Actor, client: PrismaClient) {
  expect(await approveReport(reviewer, { reportId, revisionNumber: 1, publish: true }, client)).toMatchObject({ published: true });
  expect(await getPublishedReport(slug, 2025)).toMatchObject({ revision: 1 });
  expect(await prisma.approval.count({ where: { revision: { reportId } } })).toBe(1);
  expect(await prisma.publicationLog.count({ where: { organizationSlug: slug } })).toBe(1);
}

describe("faults during approve-and-publish", () => {
  it("the database goes away before the publication stamp: all or nothing, and it works once the database is back", async () => {
    const { reportId, reviewer, slug } = await submitted();
    await proxy.start();
    const url = new URL(databaseUrl());
    url.port = String(proxy.port);
    const app = createPrismaClient(url.toString());
    const cutting = app.$extends({
      query: {
        reportRevision: {
          async update({ args, query }) {
            await proxy.stop();
            return query(args);
          },
        },
      },
    }) as unknown as PrismaClient;
    await expect(approveReport(reviewer, { reportId, revisionNumber: 1, publish: true }, cutting)).rejects.toThrow();
    await untouched(reportId, slug);

    await proxy.start(); // the same address: the app's own client recovers without a restart
    await publishedOnce(reportId, slug, reviewer, app);
    await app.$disconnect();
  });

  it("the app process is killed in the middle of it: nothing half-written, and another process publishes it", async () => {
    const { reportId, reviewer, slug } = await submitted();
    const root = path.resolve(__dirname, "../..");
    const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "tests/integration/fault-child.ts"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl(), FAULT_REPORT_ID: reportId, FAULT_SESSION_ID: reviewer.sessionId },
        stdio: "ignore",
      });
      child.on("exit", (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    });
    // Killed by SIGKILL (tsx, between us and the node process, reports it as 128 + 9).
    expect(signal === "SIGKILL" || code === 137).toBe(true);
    await untouched(reportId, slug);
    await publishedOnce(reportId, slug, reviewer, prisma);
  }, 60_000);
});
