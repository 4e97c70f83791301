// No file a user uploads can stall or end the server: report files (从文件导入
// and each file of a 补录 zip) are read in a bounded worker, within bounds on
// a zip's parts and a page's elements and depth. A file over a bound is refused
// with the bound it broke, nothing is written, and this thread keeps answering.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { previewReportFile } from "@/lib/reports/import-from-file";
import { matchBackfillFiles } from "@/lib/supervision/backfill";
import { runBoundedWorker } from "@/lib/workers/run-bounded-worker";
import { buildZip, docxBomb, nestedFormattingPage, part } from "../fixtures/zip-bombs";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerk: Actor;
let supervisor: Actor;

beforeEach(async () => {
  towns = await createCountyWithTownships(prisma);
  clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
  supervisor = await signedInActor(prisma, [{ organizationId: towns.county.id, role: "SUPERVISOR" }]);
});

/** How late this thread's timers fire while `work` runs: the event loop is free when they fire on time. */
async function loopDelayDuring<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; worstMs: number }> {
  let worstMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worstMs = Math.max(worstMs, now - last - 20);
    last = now;
  }, 20);
  const [result] = await Promise.allSettled([work]);
  clearInterval(timer);
  return { result, worstMs };
}

const preview = (fileName: string, bytes: Uint8Array) => previewReportFile(clerk, { organizationId: towns.townA.id, year: 2023, fileName, bytes }, prisma);

describe("hostile report files", () => {
  it("a 1 MB .docx that inflates to 340 MB is refused with the bound, read off this thread, nothing written", async () => {
    const bomb = await docxBomb(340);
    const { result, worstMs } = await loopDelayDuring(preview("年报.docx", bomb));
    expect(result).toMatchObject({ status: "rejected", reason: { code: "INVALID", message: expect.stringContaining("“word/document.xml”解压后过大（超过 10 MB）") } });
    console.log(`docx bomb: this thread's worst timer delay ${worstMs.toFixed(0)} ms`);
    expect(await prisma.report.count({ where: { organizationId: towns.townA.id } })).toBe(0);
  });

  it("a 4.5 MB page of nested <b><p> is refused with the element bound", async () => {
    const bomb = new TextEncoder().encode(nestedFormattingPage(4.5));
    const { result, worstMs } = await loopDelayDuring(preview("年报.html", bomb));
    expect(result).toMatchObject({ status: "rejected", reason: { code: "INVALID", message: expect.stringContaining("文件中的元素过多") } });
    console.log(`HTML bomb: this thread's worst timer delay ${worstMs.toFixed(0)} ms`);
  });

  it("a page nested 20,000 deep is refused with the depth bound, not a 500", async () => {
    const deep = new TextEncoder().encode(`<html><body>${"<div>".repeat(20_000)}一、总体情况</body></html>`);
    await expect(preview("年报.html", deep)).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("结构嵌套过深") });
  });

  it("补录: a zip whose headers misstate a file's size is refused with the reason, not a 500; so is a bomb inside a zip", async () => {
    const lying = buildZip([{ ...part("甲镇2023.txt", "测试县甲镇人民政府2023年政府信息公开工作年度报告\n".repeat(50)), statedSize: 12 }]);
    await expect(matchBackfillFiles(supervisor, towns.county.slug, { name: "历年年报.zip", bytes: lying }, prisma)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("“甲镇2023.txt”标明的大小与实际内容不符"),
    });
    // A bomb's deflated stream deflates again a hundredfold: the archive itself is refused, naming the file.
    const nested = buildZip([part("甲镇2023.docx", await docxBomb(340))]);
    await expect(matchBackfillFiles(supervisor, towns.county.slug, { name: "历年年报.zip", bytes: nested }, prisma)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("“甲镇2023.docx”压缩比异常"),
    });
    // Stored as it is, the archive opens, and the bomb in it is refused on its own.
    const stored = buildZip([part("乙镇2023.docx", await docxBomb(340))].map((p) => ({ ...p, stored: true })));
    const matches = await matchBackfillFiles(supervisor, towns.county.slug, { name: "历年年报.zip", bytes: stored }, prisma);
    expect(matches).toEqual([expect.objectContaining({ name: "历年年报.zip/乙镇2023.docx", readable: false, problem: expect.stringContaining("解压后过大") })]);
    // A name made to display as another (“甲镇2023\u202Efdp.txt” shows as “甲镇2023txt.pdf”) is refused as an upload's name is.
    const spoofed = buildZip([part("甲镇2023\u202Efdp.txt", "测试县甲镇人民政府2023年政府信息公开工作年度报告")]);
    expect(await matchBackfillFiles(supervisor, towns.county.slug, { name: "历年年报.zip", bytes: spoofed }, prisma)).toEqual([
      expect.objectContaining({ readable: false, problem: "文件名含有改变文字显示方向的隐藏字符（如 U+202E），请重命名后重新打包上传" }),
    ]);
    expect(await prisma.report.count({ where: { organization: { parentId: towns.county.id } } })).toBe(0);
  });
});

describe("the bounded worker", () => {
  const limits = { heapMb: 64, timeLimitMs: 3_000, timeoutMessage: "读取超时", memoryMessage: "超出内存上限" };

  it("ends a worker that outgrows its heap, with the user's message, and the server lives on", async () => {
    await expect(runBoundedWorker(["tests", "fixtures", "workers", "hog-memory.ts"], null, limits)).rejects.toMatchObject({
      code: "INVALID",
      message: "超出内存上限",
    });
  });

  it("ends a worker that never answers at its time limit", async () => {
    await expect(runBoundedWorker(["tests", "fixtures", "workers", "spin.ts"], null, limits)).rejects.toMatchObject({ code: "INVALID", message: "读取超时" });
  });
});
