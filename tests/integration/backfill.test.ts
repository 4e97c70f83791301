// 补录 by the county's 主管部门: several files at once (here, one zip), each
// matched to a unit and year from its title, published with its original
// date, or refused with the reason; nobody else may do it.
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { backfillFile, backfillFiles, matchBackfillFiles } from "@/lib/supervision/backfill";
import { getPublishedReport } from "@/lib/reports/queries";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const root = path.resolve(__dirname, "../..");
const sample = readFileSync(path.join(root, "prisma/demo/leiguan-2023.txt"), "utf8");
const page = readFileSync(path.join(root, "tests/fixtures/import/portal-page.html"), "utf8");

let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let supervisor: Actor;

/** The sample as one of the test county's towns wrote it, for a year. */
const reportOf = (town: string, year: number) =>
  sample.replaceAll("来安县雷官镇人民政府2023年", `测试县${town}人民政府${year}年`).replace("2023年1月24日", `${year + 1}年1月24日`);

beforeEach(async () => {
  towns = await createCountyWithTownships(prisma);
  supervisor = await signedInActor(prisma, [{ organizationId: towns.county.id, role: "SUPERVISOR" }]);
});

async function zipOf(files: Record<string, string>) {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return { name: "历年年报.zip", bytes: await zip.generateAsync({ type: "uint8array" }) };
}

describe("补录", () => {
  it("matches each file of a zip to its unit and year, publishes them with their original date, and refuses what it must", async () => {
    const upload = await zipOf({
      "甲镇2023.txt": reportOf("甲镇", 2023),
      "乙镇2022.txt": reportOf("乙镇", 2022),
      "雷官镇网页.html": page,
      "说明.txt": "这是一份说明，不是报告。",
    });
    const matches = await matchBackfillFiles(supervisor, towns.county.slug, upload, prisma);
    const byName = new Map(matches.map((m) => [m.name.split("/").pop(), m]));
    expect(byName.get("甲镇2023.txt")).toMatchObject({ unitId: towns.townA.id, year: 2023, problem: null });
    expect(byName.get("乙镇2022.txt")).toMatchObject({ unitId: towns.townB.id, year: 2022, problem: null });
    // 雷官镇 is not a unit of this county: left for the supervisor to decide.
    expect(byName.get("雷官镇网页.html")).toMatchObject({ unitId: null, year: 2023, problem: expect.stringContaining("不是本级政府或其直属单位") });
    expect(await prisma.report.count({ where: { organization: { parentId: towns.county.id } } })).toBe(0);

    const run = (name: string, unitId: string, year: number) =>
      backfillFile(supervisor, towns.county.slug, { ...upload, entry: byName.get(name)!.name, unitId, year }, prisma);
    expect(await run("甲镇2023.txt", towns.townA.id, 2023)).toMatchObject({ ok: true, message: expect.stringContaining("已补录为甲镇2023年度报告") });
    expect(await run("乙镇2022.txt", towns.townB.id, 2022)).toMatchObject({ ok: true });
    // The supervisor decided the page is 乙镇's 2023 report: published with the page's own 发布日期.
    const fromPage = await run("雷官镇网页.html", towns.townB.id, 2023);
    expect(fromPage).toMatchObject({ ok: true, message: expect.stringContaining("原发布日期 2024-01-25") });
    const published = await getPublishedReport(towns.townB.slug, 2023);
    expect(published?.publishedAt?.toISOString()).toBe("2024-01-25T02:00:00.000Z");
    expect(published?.values["active.license.decisions"]).toBe(58);

    expect(await run("说明.txt", towns.townA.id, 2024)).toMatchObject({ ok: false, message: expect.stringContaining("没有识别出") });
    // A year already in the system is not back-filled again: corrections go through review.
    expect(await run("甲镇2023.txt", towns.townA.id, 2023)).toMatchObject({ ok: false, message: expect.stringContaining("已存在") });

    const audit = await prisma.auditEvent.findMany({ where: { actor: supervisor.username, event: "report.publish" } });
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => (a.detail as { backfill?: string }).backfill === "补录" && a.role === "主管部门")).toBe(true);
    // The page's own 索引号 and 发布日期 are kept with the 补录 record.
    expect(audit.map((a) => (a.detail as { original?: unknown }).original).filter(Boolean)).toEqual([
      { indexNumber: "11341122003250123X/2024-00015", publishedOn: "2024-01-25", publisher: "来安县雷官镇人民政府" },
    ]);
  });

  it("refuses a file with a blocking error, and is the 主管部门's alone", async () => {
    const broken = reportOf("甲镇", 2023).replace(/(一、本年新收政府信息公开申请数量\n\t)0/, "$13");
    const upload = { name: "甲镇2023.txt", bytes: new TextEncoder().encode(broken) };
    expect(await backfillFile(supervisor, towns.county.slug, { ...upload, entry: null, unitId: towns.townA.id, year: 2023 }, prisma)).toMatchObject({
      ok: false,
      message: expect.stringContaining("存在阻断性错误："),
    });
    const clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
    const good = { name: "甲镇2023.txt", bytes: new TextEncoder().encode(reportOf("甲镇", 2023)) };
    await expect(matchBackfillFiles(clerk, towns.county.slug, good, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(backfillFile(clerk, towns.county.slug, { ...good, entry: null, unitId: towns.townA.id, year: 2023 }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await createCountyWithTownships(prisma);
    await expect(backfillFile(supervisor, towns.county.slug, { ...good, entry: null, unitId: other.townA.id, year: 2023 }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.report.count({ where: { organizationId: towns.townA.id } })).toBe(0);
  });

  it("takes all the files of one upload at once with the same results as one by one: in order, each on its own, checked against those before it", async () => {
    const files = (county: string) => ({
      "甲镇2023.txt": reportOf("甲镇", 2023).replaceAll("测试县", county),
      "乙镇2023.txt": reportOf("乙镇", 2023).replaceAll("测试县", county),
      "甲镇又一份.txt": reportOf("甲镇", 2023).replaceAll("测试县", county),
      "说明.txt": "这是一份说明，不是报告。",
    });
    const choices = (upload: { name: string }, t: typeof towns) => [
      { entry: `${upload.name}/甲镇2023.txt`, unitId: t.townA.id, year: 2023 },
      { entry: `${upload.name}/乙镇2023.txt`, unitId: t.townB.id, year: 2023 },
      { entry: `${upload.name}/甲镇又一份.txt`, unitId: t.townA.id, year: 2023 },
      { entry: `${upload.name}/说明.txt`, unitId: t.townB.id, year: 2022 },
      { entry: `${upload.name}/没有这个.txt`, unitId: t.townB.id, year: 2021 },
    ];
    const upload = await zipOf(files("测试县"));
    const together = await backfillFiles(supervisor, towns.county.slug, upload, choices(upload, towns), prisma);

    const other = await createCountyWithTownships(prisma);
    const otherSupervisor = await signedInActor(prisma, [{ organizationId: other.county.id, role: "SUPERVISOR" }]);
    const otherUpload = await zipOf(files("测试县"));
    const oneByOne = [];
    for (const choice of choices(otherUpload, other)) oneByOne.push(await backfillFile(otherSupervisor, other.county.slug, { ...otherUpload, ...choice }, prisma));

    // The 索引号 differ from county to county; everything else is the same, warnings (雷同 with the file before) included.
    const shown = (results: { name: string; ok: boolean; message: string }[]) => results.map((r) => ({ ...r, message: r.message.replace(/索引号 [^，）]+/, "索引号") }));
    expect(shown(together)).toEqual(shown(oneByOne));
    expect(together.map((r) => r.ok)).toEqual([true, true, false, false, false]);
    // 乙镇's file is 甲镇's with the name changed: checked after 甲镇's was published, it has a warning more (雷同).
    const warnings = (message: string) => Number(/提示 (\d+) 项/.exec(message)?.[1] ?? 0);
    expect(warnings(together[1]!.message)).toBeGreaterThan(warnings(together[0]!.message));
    expect(together[2]!.message).toContain("已存在");
    expect(together[4]!.message).toBe("zip 中没有这个文件");
    expect(await prisma.report.count({ where: { organization: { parentId: towns.county.id }, status: "PUBLISHED" } })).toBe(2);
    // The boards' stored findings, stored once for the upload, are those of a fresh check: 雷同 on both sides.
    const stored = await prisma.reportCheck.findMany({ where: { report: { organization: { parentId: towns.county.id } } }, include: { report: true } });
    expect(stored.map((check) => check.version === check.report.version)).toEqual([true, true]);
    expect(stored.every((check) => JSON.stringify(check.findings).includes('"peer"'))).toBe(true);
    // A unit outside the county refuses the whole upload before anything is read or written.
    await expect(
      backfillFiles(supervisor, towns.county.slug, upload, [...choices(upload, towns), { entry: `${upload.name}/甲镇2023.txt`, unitId: other.townA.id, year: 2024 }], prisma),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
