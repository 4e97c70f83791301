import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { format2021 } from "@/lib/report-format";
import { cellRowsToValues } from "@/lib/reports/cell-rows";
import { ImportRefusedError, importReport } from "@/lib/reports/import-report";
import { getPublishedReport } from "@/lib/reports/queries";
import { testPrisma, uniqueSlug } from "./helpers";

const prisma = testPrisma();
const sample = readFileSync(path.resolve(__dirname, "../../prisma/demo/leiguan-2023.txt"), "utf8");
const parsed = parseTextReport(sample, format2021);
afterAll(() => prisma.$disconnect());

async function township() {
  const slug = uniqueSlug("town");
  await prisma.organization.create({ data: { slug, name: "测试镇人民政府", shortName: "测试镇", kind: "TOWNSHIP" } });
  return slug;
}

describe("importing a report", () => {
  it("stores a draft with every typed cell, which the public cannot read", async () => {
    const slug = await township();
    const result = await importReport(prisma, { organizationSlug: slug, year: 2023, parsed, actor: "test", publish: false });
    expect(result.revision).toBeNull();
    const report = await prisma.report.findUniqueOrThrow({
      where: { id: result.reportId },
      include: { cells: true, sections: true },
    });
    expect(report).toMatchObject({ status: "DRAFT", formatVersion: "2021", version: 1, signatureLine: "雷官镇人民政府" });
    expect(report.signedOn?.toISOString().slice(0, 10)).toBe("2023-01-24");
    expect(report.cells).toHaveLength(200);
    expect(cellRowsToValues(format2021, report.cells)).toEqual(parsed.values);
    expect(report.sections.map((s) => s.sectionKey).sort()).toEqual(["other", "overview", "preamble", "problems"]);
    expect(await getPublishedReport(slug, 2023)).toBeNull();
  });

  it("replaces a draft on re-import and bumps its version", async () => {
    const slug = await township();
    await importReport(prisma, { organizationSlug: slug, year: 2023, parsed, actor: "test", publish: false });
    const changed = { ...parsed, values: { ...parsed.values, "active.fee.amount": 26.55 } };
    const result = await importReport(prisma, { organizationSlug: slug, year: 2023, parsed: changed, actor: "test", publish: true, replace: true });
    const report = await prisma.report.findUniqueOrThrow({ where: { id: result.reportId } });
    expect(report.version).toBe(2);
    expect((await getPublishedReport(slug, 2023))?.values["active.fee.amount"]).toBe(26.55);
    expect(await prisma.reportCell.count({ where: { reportId: result.reportId } })).toBe(200);
  });

  it("keeps an existing draft unless asked to replace it", async () => {
    const slug = await township();
    const { reportId } = await importReport(prisma, { organizationSlug: slug, year: 2023, parsed, actor: "test", publish: false });
    const changed = { ...parsed, title: "别的标题", values: { ...parsed.values, "active.license.decisions": 1 } };
    await expect(importReport(prisma, { organizationSlug: slug, year: 2023, parsed: changed, actor: "test", publish: false })).rejects.toThrow(
      /已有草稿（第1版，\d{4}-\d\d-\d\d修改），未导入；确需用文件内容覆盖草稿，请加 --replace/,
    );
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { cells: true } });
    expect(report).toMatchObject({ title: parsed.title, version: 1 });
    expect(cellRowsToValues(format2021, report.cells)).toEqual(parsed.values);
  });

  it("refuses a file in which nothing of a report was recognised, writing nothing", async () => {
    const slug = await township();
    const nothing = parseTextReport("会议通知\n请各单位于周五前报送材料。\n", format2021);
    await expect(importReport(prisma, { organizationSlug: slug, year: 2023, parsed: nothing, actor: "test", publish: false })).rejects.toThrow(
      "文件中没有识别出年度报告的任何章节标题或表格数值",
    );
    expect(await prisma.report.count({ where: { organization: { slug } } })).toBe(0);
  });

  it("never imports over a report being corrected", async () => {
    const slug = await township();
    const { reportId } = await importReport(prisma, { organizationSlug: slug, year: 2023, parsed, actor: "test", publish: true });
    await prisma.report.update({ where: { id: reportId }, data: { status: "DRAFT", correctionReason: "更正测试" } });
    await expect(
      importReport(prisma, { organizationSlug: slug, year: 2023, parsed, actor: "test", publish: true, replace: true }),
    ).rejects.toThrow("正在更正");
    expect(await prisma.reportRevision.count({ where: { reportId } })).toBe(1);
  });

  it("refuses to overwrite a published report, changing nothing", async () => {
    const slug = await township();
    await importReport(prisma, { organizationSlug: slug, year: 2023, parsed, actor: "test", publish: true });
    const changed = { ...parsed, title: "别的标题" };
    await expect(
      importReport(prisma, { organizationSlug: slug, year: 2023, parsed: changed, actor: "test", publish: true }),
    ).rejects.toBeInstanceOf(ImportRefusedError);
    expect((await getPublishedReport(slug, 2023))?.title).toBe(parsed.title);
    expect(await prisma.reportRevision.count({ where: { report: { organization: { slug } } } })).toBe(1);
  });

  it("refuses an unknown organization and a year without a format", async () => {
    await expect(
      importReport(prisma, { organizationSlug: "no-such-org", year: 2023, parsed, actor: "test", publish: false }),
    ).rejects.toThrow("找不到机构“no-such-org”");
    const slug = await township();
    await expect(
      importReport(prisma, { organizationSlug: slug, year: 2018, parsed, actor: "test", publish: false }),
    ).rejects.toThrow("2018年度没有可用的年度报告格式");
  });
});
