// `npm run import -- <file> --org <slug> --year <y> --check [--json]`, run as
// an office runs it: the real command, against the test database. It reads
// and checks the file with the editor's rules and writes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testPrisma, uniqueSlug } from "./helpers";
import { fixtureFile, root, runImportCommand } from "./import-cli";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const sample = readFileSync(path.join(root, "prisma/demo/leiguan-2023.txt"), "utf8");

interface CheckOutput {
  organization: string;
  year: number;
  cells: Record<string, number | null>;
  unplaced: { line: number; message: string }[];
  findings: { rule: string; name: string; severity: string; message: string; cells: string[]; section?: string; quote?: { text: string; mark?: { start: number; end: number } } }[];
}

async function runCheck(file: string, slug: string, year: number, json = true) {
  return runImportCommand([file, "--org", slug, "--year", String(year), "--check", ...(json ? ["--json"] : [])]);
}

const fixture = (text: string) => fixtureFile("report.txt", text);

async function township() {
  const slug = uniqueSlug("town");
  await prisma.organization.create({ data: { slug, name: "来安县雷官镇人民政府", shortName: "雷官镇", kind: "TOWNSHIP" } });
  return slug;
}

describe("import --check", () => {
  it("prints the cells, the unplaced lines and every finding as JSON, and writes nothing", async () => {
    const slug = await township();
    const auditBefore = await prisma.auditEvent.count();
    const { code, stdout } = await runCheck(fixture(sample), slug, 2023);
    expect(code).toBe(0); // warnings only
    const output = JSON.parse(stdout) as CheckOutput;
    expect(output).toMatchObject({ organization: slug, year: 2023, unplaced: [] });
    expect(output.cells["active.license.decisions"]).toBe(58);
    expect(Object.keys(output.cells)).toHaveLength(200);
    // The sample's real mistake: signed 2023年1月24日, inside the year it reports on.
    expect(output.findings).toEqual([expect.objectContaining({ rule: "signature-date", name: "落款日期", severity: "warning" })]);
    expect(await prisma.report.count({ where: { organization: { slug } } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
  });

  it("finds text that contradicts the tables, with the sentence and the figure", async () => {
    const slug = await township();
    const contradicting = sample.replace("2023年，我镇没有收到书面或其他形式要求公开政府信息的申请。", "2023年，我镇共收到政府信息公开申请3件。");
    const { code, stdout } = await runCheck(fixture(contradicting), slug, 2023);
    expect(code).toBe(0);
    const r8 = (JSON.parse(stdout) as CheckOutput).findings.filter((f) => f.rule === "R8");
    expect(r8).toHaveLength(1);
    const [finding] = r8;
    expect(finding).toMatchObject({ section: "overview", cells: expect.arrayContaining(["applications.received.total"]) });
    expect(finding!.quote!.text.slice(finding!.quote!.mark!.start, finding!.quote!.mark!.end)).toContain("3");
  });

  it("exits 1 on a blocking error and says so in words without --json", async () => {
    const slug = await township();
    const unbalanced = sample.replace(/(一、本年新收政府信息公开申请数量\n\t)0/, "$13");
    const { code, stdout } = await runCheck(fixture(unbalanced), slug, 2023, false);
    expect(code).toBe(1);
    expect(stdout).toContain("[错误：申请数勾稽关系]");
    expect(stdout).toMatch(/检查完成（未写入任何数据）：无法识别的内容 0 处，阻断性错误 \d+ 项/);
    expect(stdout).not.toContain("R1");
    expect(await prisma.report.count({ where: { organization: { slug } } })).toBe(0);
  });
});
