// The files offices really send, through the real command: each bad one is
// refused with a message and a non-zero exit code, no stack trace, and the
// draft that was there stays exactly as it was.
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { format2021 } from "@/lib/report-format";
import { cellRowsToValues } from "@/lib/reports/cell-rows";
import { importReport } from "@/lib/reports/import-report";
import { testPrisma, uniqueSlug } from "./helpers";
import { fixtureFile, root, runImportCommand } from "./import-cli";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const sampleText = readFileSync(path.join(root, "prisma/demo/leiguan-2023.txt"), "utf8");
const sample = parseTextReport(sampleText, format2021);

let slug: string;
let reportId: string;

/** 雷官镇 (under another slug) with a draft already there: the content every refusal must leave intact. */
beforeEach(async () => {
  slug = uniqueSlug("town");
  await prisma.organization.create({ data: { slug, name: "来安县雷官镇人民政府", shortName: "雷官镇", kind: "TOWNSHIP" } });
  const draft = { ...sample, values: { ...sample.values, "active.license.decisions": 61 } };
  reportId = (await importReport(prisma, { organizationSlug: slug, year: 2023, parsed: draft, actor: "test", publish: false })).reportId;
});

async function draftUnchanged() {
  const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { cells: true, sections: true } });
  expect(report.version).toBe(1);
  expect(report.title).toBe(sample.title);
  expect(report.cells).toHaveLength(200);
  expect(cellRowsToValues(format2021, report.cells)["active.license.decisions"]).toBe(61);
  expect(report.sections.find((s) => s.sectionKey === "overview")?.body).toBe(sample.sections.overview);
}

async function refused(file: string, message: RegExp | string, extra: string[] = []) {
  const { code, stdout, stderr } = await runImportCommand([file, "--org", slug, "--year", "2023", "--replace", ...extra]);
  expect(code).toBe(1);
  expect(stderr).toMatch(message);
  expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  await draftUnchanged();
}

describe("a file that cannot be a report", () => {
  it("missing", () => refused("/nonexistent/年报.txt", /找不到文件/));
  it("empty", () => refused(fixtureFile("2023年报.txt", ""), /是空的/));
  it("binary", () => refused(fixtureFile("报告.txt", Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00, 0x9c])), /二进制文件/));
  it("a PDF", () => refused(fixtureFile("年报.pdf", Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")), /暂不能读取PDF 文件.*另存为/));
  it("a Word 97–2003 .doc", () =>
    refused(fixtureFile("年报.doc", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])), /Word 97–2003/));
  it("a Word file with nothing of a report in it", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
    await refused(fixtureFile("年报.docx", await zip.generateAsync({ type: "nodebuffer" })), /没有识别出年度报告的任何章节标题或表格数值/);
  });
  it("a portal page that holds no report", () =>
    refused(fixtureFile("年报.htm", `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title></head><body><nav><a href="/">首页</a></nav><p>页面不存在</p></body></html>`), /没有识别出年度报告/));
  it("an encrypted Word file", () => refused(path.join(root, "tests/fixtures/import/encrypted.docx"), /文件已加密（设有打开密码）/));
  it("a spreadsheet renamed to .docx", () => refused(path.join(root, "tests/fixtures/import/not-a-report.docx"), /不是 Word 文档/));
  it("text in which nothing of a report is recognised", () => refused(fixtureFile("通知.txt", "关于报送材料的通知\n请各单位于周五前报送。\n"), /没有识别出年度报告的任何章节标题或表格数值/));
  it("a year without a format", async () => {
    const { code, stderr } = await runImportCommand([fixtureFile("2018.txt", sampleText), "--org", slug, "--year", "2018"]);
    expect(code).toBe(1);
    expect(stderr).toContain("2018年度没有可用的年度报告格式");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("a real report that is not the one named", () => {
  it("another year's file is refused unless confirmed", () => refused(fixtureFile("2023.txt", sampleText.replace("2023年政府信息", "2022年政府信息")), /2022年度的报告，与指定的2023年度不符.*--force/));
  it("another unit's file is refused unless confirmed", () => refused(fixtureFile("x.txt", sampleText.replace("来安县雷官镇人民政府2023", "来安县张山镇人民政府2023")), /单位“来安县张山镇人民政府”与指定的“来安县雷官镇人民政府”不符/));
  it("an existing draft is kept unless --replace is given", async () => {
    const { code, stderr } = await runImportCommand([fixtureFile("2023.txt", sampleText), "--org", slug, "--year", "2023"]);
    expect(code).toBe(1);
    expect(stderr).toContain("已有草稿（第1版");
    await draftUnchanged();
  });
});

describe("a real export in the office's encoding", () => {
  it("reads a GBK file with Windows line ends, says which encoding it used, and replaces the draft when asked", async () => {
    const file = path.join(root, "tests/fixtures/import/leiguan-2023.gbk-crlf.txt");
    const { code, stdout } = await runImportCommand([file, "--org", slug, "--year", "2023", "--replace"]);
    expect(code).toBe(0);
    expect(stdout).toContain("文件：纯文本，编码 GB18030（GBK）");
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { cells: true, sections: true } });
    expect(report.title).toBe("来安县雷官镇人民政府2023年政府信息公开工作年度报告");
    expect(cellRowsToValues(format2021, report.cells)).toEqual(sample.values);
    expect(report.sections.find((s) => s.sectionKey === "overview")?.body).toBe(sample.sections.overview);
    expect(report.sections.every((s) => !s.body.includes("\r"))).toBe(true);
  });

  it("keeps the text before 一 as the report's preamble, and converts 元 to 万元 saying so", async () => {
    const preamble = path.join(root, "tests/fixtures/import/preamble.txt");
    const first = await runImportCommand([preamble, "--org", slug, "--year", "2023", "--replace"]);
    expect(first.code).toBe(0);
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { sections: true, cells: true } });
    const stored = report.sections.find((s) => s.sectionKey === "preamble")?.body ?? "";
    expect(stored).toMatch(/^根据《中华人民共和国政府信息公开条例》/);
    expect(stored).toContain("统计期限自2023年1月1日起至2023年12月31日止");
    expect(report.sections.find((s) => s.sectionKey === "overview")?.body).toBe(sample.sections.overview);

    const fee = await runImportCommand([path.join(root, "tests/fixtures/import/fee-in-yuan.txt"), "--org", slug, "--year", "2023", "--replace", "--json", "--check"]);
    const checked = JSON.parse(fee.stdout) as { cells: Record<string, number | null>; notes: { message: string }[] };
    expect(checked.cells["active.fee.amount"]).toBe(0.2655);
    expect(checked.notes.map((n) => n.message)).toContainEqual(expect.stringContaining("已换算为0.2655万元"));
  });

  it("reads a Word file made the way Word makes them (merged cells, a preamble), every cell in its place", async () => {
    const { code, stdout } = await runImportCommand([path.join(root, "tests/fixtures/import/word-made.docx"), "--org", slug, "--year", "2023", "--check", "--json"]);
    const checked = JSON.parse(stdout) as { kind: string; cells: Record<string, number | null>; unplaced: { place: string; message: string }[] };
    expect(checked.kind).toBe("docx");
    // Every cell read but the one the file leaves empty, which is named — and keeps the import from counting as clean.
    expect(Object.values(checked.cells).filter((v) => v === null)).toHaveLength(1);
    expect(checked.unplaced).toEqual([expect.objectContaining({ message: expect.stringContaining("缺少数值：一、本年新收政府信息公开申请数量 商业企业") })]);
    expect(code).toBe(1);
    await draftUnchanged();
  });

  it("imports a saved portal page into the draft, with the page's own publication data", async () => {
    const page = path.join(root, "tests/fixtures/import/portal-page.html");
    const { code, stdout } = await runImportCommand([page, "--org", slug, "--year", "2023", "--replace"]);
    expect(code).toBe(0);
    expect(stdout).toContain("文件：网页");
    expect(stdout).toContain("索引号 11341122003250123X/2024-00015");
    const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { cells: true, sections: true } });
    expect(cellRowsToValues(format2021, report.cells)).toEqual(sample.values);
    const overview = report.sections.find((s) => s.sectionKey === "overview")?.body ?? "";
    expect(overview).toContain("主动公布信息528条");
    expect(overview).not.toMatch(/首页|当前位置|版权所有|ICP/);
  });
});
