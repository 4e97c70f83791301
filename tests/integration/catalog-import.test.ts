import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { importCatalogItems } from "@/lib/catalog/import/import-items";
import { importColumns } from "@/lib/catalog/import/import-rows";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerk: Actor;
let otherClerk: Actor;
const header = importColumns.map((c) => c.heading);
const line = (values: Partial<Record<string, string>>) => header.map((h) => values[h] ?? "");
const csv = (rows: string[][]) =>
  new TextEncoder().encode(`\uFEFF${rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(",")).join("\r\n")}\r\n`);

beforeAll(async () => {
  towns = await createCountyWithTownships(prisma);
  clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
  otherClerk = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "CLERK" }]);
});

describe("importing catalog items", () => {
  it("imports good CSV rows as drafts and reports each refused row with its number and reasons", async () => {
    const bytes = csv([
      header,
      line({ 标题: "关于2024年防汛工作的通知", 信息类别: "通知公告", 文号: "甲政〔2024〕3号", 原发布日期: "2024-05-06 10:00" }),
      line({ 标题: "行政处罚决定书（张某）", 信息类别: "行政处罚", 文号: "甲罚〔2024〕1号" }),
      line({ 标题: "行政处罚决定书（李某）", 信息类别: "行政处罚", 文号: "甲罚〔2024〕1号" }),
      line({ 标题: "没有类别" }),
      line({ 标题: "未来的日期", 信息类别: "工作动态", 原发布日期: "2999-01-01" }),
    ]);
    const report = await importCatalogItems(clerk, { organizationId: towns.townA.id, fileName: "目录.csv", bytes }, prisma);
    expect(report).toEqual({
      imported: 2,
      refused: [
        { row: 4, reasons: ["文号“甲罚〔2024〕1号”与第3行重复"] },
        { row: 5, reasons: ["请选择信息类别"] },
        { row: 6, reasons: ["原发布日期不能晚于今天"] },
      ],
    });
    const items = await prisma.catalogItem.findMany({ where: { organizationId: towns.townA.id }, orderBy: { title: "asc" } });
    expect(items.map((i) => [i.title, i.status, i.issuer])).toEqual([
      ["关于2024年防汛工作的通知", "DRAFT", towns.townA.name],
      ["行政处罚决定书（张某）", "DRAFT", towns.townA.name],
    ]);
    expect(items[0]!.publishedAt?.toISOString()).toBe("2024-05-06T02:00:00.000Z");
    expect(await prisma.auditEvent.count({ where: { event: "catalog.import", objectId: { in: items.map((i) => i.id) } } })).toBe(2);
    expect(await prisma.auditEvent.findFirst({ where: { event: "catalog.import-file", objectId: towns.townA.id } })).toMatchObject({
      detail: { file: "目录.csv", imported: 2, refused: [4, 5, 6] },
    });
  });

  it("reads the first sheet of an .xlsx file, Excel dates included", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("目录");
    sheet.addRow(header);
    sheet.addRow(line({ 标题: "2023年部门预算公开", 信息类别: "财政预决算" }).map((v, i) => (i === 4 ? new Date(Date.UTC(2023, 2, 15)) : v)));
    sheet.addRow(line({ 标题: "重复导入的文号", 信息类别: "行政处罚", 文号: "甲罚〔2024〕1号" }));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await importCatalogItems(clerk, { organizationId: towns.townA.id, fileName: "目录.xlsx", bytes }, prisma);
    expect(report).toEqual({ imported: 1, refused: [{ row: 3, reasons: ["文号“甲罚〔2024〕1号”已在本单位目录中"] }] });
    const budget = await prisma.catalogItem.findFirstOrThrow({ where: { title: "2023年部门预算公开" } });
    expect(budget.writtenOn?.toISOString().slice(0, 10)).toBe("2023-03-15");
  });

  it("refuses an unreadable file as a whole, and another township's clerk entirely", async () => {
    const before = await prisma.catalogItem.count();
    await expect(
      importCatalogItems(clerk, { organizationId: towns.townA.id, fileName: "a.csv", bytes: new Uint8Array([0xb1, 0xea, 0xcc, 0xe2]) }, prisma),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("不是 UTF-8 编码") });
    await expect(
      importCatalogItems(clerk, { organizationId: towns.townA.id, fileName: "a.txt", bytes: new Uint8Array([1]) }, prisma),
    ).rejects.toMatchObject({ message: "只能导入 .csv 或 .xlsx 文件" });
    await expect(
      importCatalogItems(otherClerk, { organizationId: towns.townA.id, fileName: "a.csv", bytes: csv([header, line({ 标题: "越权", 信息类别: "工作动态" })]) }, prisma),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.catalogItem.count()).toBe(before);
  });
});
