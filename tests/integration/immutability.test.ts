import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { format2021 } from "@/lib/report-format";
import { importReport } from "@/lib/reports/import-report";
import { getPublishedReport } from "@/lib/reports/queries";
import { ownerPrisma, testPrisma, uniqueSlug } from "./helpers";

// Two locks on history: the app's runtime role has no right to change it
// (permission denied), and the triggers refuse even the owner (not allowed).
const prisma = testPrisma();
const owner = ownerPrisma();
const refused = /permission denied/;
const sample = readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8");
const parsed = parseTextReport(sample, format2021);
let slug: string;
let revisionId: string;

beforeAll(async () => {
  slug = uniqueSlug("imm");
  await prisma.organization.create({ data: { slug, name: "测试镇人民政府", shortName: "测试镇", kind: "TOWNSHIP" } });
  const result = await importReport(prisma, { organizationSlug: slug, year: 2023, parsed, actor: "test", publish: true });
  revisionId = result.revision!.id;
});
afterAll(async () => {
  await prisma.$disconnect();
  await owner.$disconnect();
});

describe("published revisions are immutable in the database", () => {
  it("refuses to change a published revision's content or publication time", async () => {
    await expect(prisma.reportRevision.update({ where: { id: revisionId }, data: { title: "改过的标题" } })).rejects.toThrow(refused);
    await expect(owner.reportRevision.update({ where: { id: revisionId }, data: { title: "改过的标题" } })).rejects.toThrow(/not allowed/);
    // The runtime role may set publication stamps, once: the trigger refuses a second time.
    for (const client of [prisma, owner]) {
      await expect(client.reportRevision.update({ where: { id: revisionId }, data: { publishedAt: new Date() } })).rejects.toThrow(/not allowed/);
    }
  });

  it("refuses to delete a revision or change its cells", async () => {
    await expect(prisma.reportRevision.delete({ where: { id: revisionId } })).rejects.toThrow(refused);
    await expect(owner.reportRevision.delete({ where: { id: revisionId } })).rejects.toThrow();
    await expect(prisma.revisionCell.updateMany({ where: { revisionId }, data: { count: 999 } })).rejects.toThrow(refused);
    await expect(owner.revisionCell.updateMany({ where: { revisionId }, data: { count: 999 } })).rejects.toThrow(/not allowed/);
    await expect(prisma.revisionCell.deleteMany({ where: { revisionId } })).rejects.toThrow(refused);
    await expect(owner.revisionCell.deleteMany({ where: { revisionId } })).rejects.toThrow(/not allowed/);
    await expect(prisma.$executeRawUnsafe(`truncate revision_cell cascade`)).rejects.toThrow(refused);
    await expect(owner.$executeRawUnsafe(`truncate revision_cell cascade`)).rejects.toThrow(/not allowed/);
    const report = await getPublishedReport(slug, 2023);
    expect(report?.values["active.license.decisions"]).toBe(58);
    expect(report?.title).toBe(parsed.title);
  });

  it("refuses to change or delete audit events", async () => {
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { event: "report.publish" } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { result: "failure" } })).rejects.toThrow(refused);
    await expect(owner.auditEvent.update({ where: { id: event.id }, data: { result: "failure" } })).rejects.toThrow(/not allowed/);
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(refused);
    await expect(owner.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/not allowed/);
  });

  it("refuses negative counts and a cell holding both a count and an amount", async () => {
    const report = await prisma.report.findFirstOrThrow({ where: { organization: { slug } } });
    await expect(
      prisma.reportCell.update({
        where: { reportId_tableKey_rowKey_columnKey: { reportId: report.id, tableKey: "active", rowKey: "license", columnKey: "decisions" } },
        data: { count: -1 },
      }),
    ).rejects.toThrow();
    await expect(
      prisma.reportCell.update({
        where: { reportId_tableKey_rowKey_columnKey: { reportId: report.id, tableKey: "active", rowKey: "fee", columnKey: "amount" } },
        data: { count: 1 },
      }),
    ).rejects.toThrow();
  });
});
