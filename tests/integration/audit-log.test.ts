import { afterAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/audit-queries";
import { startReport } from "@/lib/reports/start-report";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

describe("the audit log", () => {
  it("is read only by auditors, with filters", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const auditor = await signedInActor(prisma, [], { isAuditor: true });
    const { reportId } = await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma);

    await expect(listAuditEvents(clerk, {}, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(admin, {}, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(null, {}, prisma)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const created = await listAuditEvents(auditor, { event: "report.create", objectId: reportId }, prisma);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actor: clerk.username, role: "填报人", result: "success", objectType: "report" });
    const signIns = await listAuditEvents(auditor, { event: "auth.sign-in", actor: clerk.username }, prisma);
    expect(signIns.map((e) => e.result)).toEqual(["success"]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await listAuditEvents(auditor, { objectId: reportId, from: today, to: today }, prisma)).length).toBe(1);
    expect(await listAuditEvents(auditor, { objectId: reportId, from: "2000-01-01", to: "2000-01-02" }, prisma)).toEqual([]);
  });
});
