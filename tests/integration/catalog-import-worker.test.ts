// An import file is read and checked in a worker thread, never on the thread
// that answers requests; what it finds is the same either way.
import { describe, expect, it, vi } from "vitest";

const started = vi.hoisted(() => [] as string[]);
vi.mock("node:worker_threads", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:worker_threads")>();
  class CountedWorker extends actual.Worker {
    constructor(file: string | URL, options?: import("node:worker_threads").WorkerOptions) {
      super(file, options);
      started.push(String((options?.workerData as { module?: string } | undefined)?.module));
    }
  }
  return { ...actual, Worker: CountedWorker };
});
const { checkImportFileOffThread } = await import("@/lib/catalog/import/read-off-thread");

const file = new TextEncoder().encode(`标题,信息类别,有效性\n${"一条动态,工作动态,有效\n".repeat(99)}坏的一行,不存在的类别,有效\n`);

describe("reading an import file off the request thread", () => {
  it("reads it in a worker (and starts the next one to wait), and finds what reading it here finds", async () => {
    const inWorker = await checkImportFileOffThread("a.csv", file, { issuer: "测试镇人民政府" });
    // The one that read it, and the one ready for the next file.
    expect(started).toHaveLength(2);
    expect(started.every((module) => module.endsWith("spreadsheet-worker.ts"))).toBe(true);
    process.env.CATALOG_IMPORT_WORKER = "off";
    try {
      const here = await checkImportFileOffThread("a.csv", file, { issuer: "测试镇人民政府" });
      expect(started).toHaveLength(2);
      expect(inWorker).toEqual(here);
    } finally {
      delete process.env.CATALOG_IMPORT_WORKER;
    }
    expect(inWorker.rows.filter((r) => r.ok)).toHaveLength(99);
    expect(inWorker.rows.find((r) => !r.ok)).toMatchObject({ row: 101, reasons: ["信息类别“不存在的类别”不在目录分类中"] });
  });

  it("answers an unreadable file with the reader's message", async () => {
    await expect(checkImportFileOffThread("a.xlsx", new TextEncoder().encode("not a zip"), { issuer: "x" })).rejects.toMatchObject({
      code: "INVALID",
      message: "无法读取该 Excel 文件，请确认是 .xlsx 格式",
    });
  });
});
