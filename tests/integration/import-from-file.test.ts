// 从文件导入 in the browser: the preview writes nothing, the confirmed import is
// a draft by this clerk (who then may not approve it), and only the unit's own
// clerks may do either.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { importReportFile, previewReportFile } from "@/lib/reports/import-from-file";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const root = path.resolve(__dirname, "../..");
const gbk = readFileSync(path.join(root, "tests/fixtures/import/leiguan-2023.gbk-crlf.txt"));

let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerk: Actor;

beforeEach(async () => {
  towns = await createCountyWithTownships(prisma);
  clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
});

const input = (organizationId: string, bytes: Uint8Array = gbk) => ({ organizationId, year: 2023, fileName: "雷官镇2023年报.txt", bytes });

describe("starting a report from a file", () => {
  it("previews the file without writing anything", async () => {
    const audit = await prisma.auditEvent.count();
    const preview = await previewReportFile(clerk, input(towns.townA.id), prisma);
    expect(preview).toMatchObject({ readAs: "纯文本（GB18030（GBK））", formatVersion: "2021", unplaced: [] });
    expect(preview.values["active.license.decisions"]).toBe(58);
    expect(preview.sections.overview).toMatch(/^（一）主动公开/);
    expect(preview.mismatch).toContain("与指定的“测试县甲镇人民政府”不符");
    expect(preview.findings.map((f) => f.rule)).toContain("title");
    expect(await prisma.report.count({ where: { organizationId: towns.townA.id } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(audit);
  });

  it("imports on confirmation as this clerk's draft, and needs the mismatch confirmed", async () => {
    await expect(importReportFile(clerk, { ...input(towns.townA.id), confirmMismatch: false }, prisma)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("请确认后再导入"),
    });
    const { reportId } = await importReportFile(clerk, { ...input(towns.townA.id), confirmMismatch: true }, prisma);
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(report).toMatchObject({ status: "DRAFT", lastEditedById: clerk.accountId, year: 2023 });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { objectId: reportId, event: "report.import" } });
    expect(event).toMatchObject({ actor: clerk.username, role: "填报人", result: "success" });
    // A second import over the draft is refused: the draft is edited in the editor.
    await expect(importReportFile(clerk, { ...input(towns.townA.id), confirmMismatch: true }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("is refused to another township's clerk and to a reviewer, and for a file that is no report", async () => {
    const other = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "CLERK" }]);
    const reviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
    for (const actor of [other, reviewer]) {
      await expect(previewReportFile(actor, input(towns.townA.id), prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(importReportFile(actor, { ...input(towns.townA.id), confirmMismatch: true }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(previewReportFile(clerk, input(towns.townA.id, Buffer.from("%PDF-1.7\n%%EOF\n")), prisma)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("暂不能读取PDF 文件"),
    });
    expect(await prisma.report.count({ where: { organizationId: towns.townA.id } })).toBe(0);
  });

  it("reads a Word file and a portal page the same way, naming places in the document", async () => {
    const docx = readFileSync(path.join(root, "tests/fixtures/import/word-made.docx"));
    const fromWord = await previewReportFile(clerk, { ...input(towns.townA.id, docx), fileName: "年报.docx" }, prisma);
    expect(fromWord.readAs).toBe("Word 文档");
    expect(fromWord.values["active.license.decisions"]).not.toBeNull();
    const page = readFileSync(path.join(root, "tests/fixtures/import/portal-page.html"));
    const fromPage = await previewReportFile(clerk, { ...input(towns.townA.id, page), fileName: "年报.html" }, prisma);
    expect(fromPage.readAs).toBe("网页（UTF-8）");
    expect(fromPage.values["active.license.decisions"]).toBe(58);
    expect(fromPage.sections.overview).not.toContain("当前位置");
  });
});
