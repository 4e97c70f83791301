// An import file read and checked in a worker thread (spreadsheet-worker.ts), with a
// memory ceiling and a time limit of its own: a huge or hostile workbook costs
// that worker, never the server that answers everyone else.
// CATALOG_IMPORT_WORKER=off reads it on the request's thread (the benchmark's baseline).
import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { checkImportFile } from "./check-file";
import type { ImportCheck } from "./import-rows";
import { UnreadableSpreadsheetError } from "./read-spreadsheet";
import { siteEnv } from "@/lib/env";

// Plain JavaScript that registers the TypeScript loader in the thread, then runs spreadsheet-worker.ts.
// Resolved at run time from the checkout, so that the bundler leaves the worker (and tsx) alone.
const WORKER_PARTS = ["lib", "catalog", "import", "spreadsheet-worker-boot.mjs"];
const workerPath = () => path.join(/* turbopackIgnore: true */ process.cwd(), ...WORKER_PARTS);
const TIME_LIMIT_MS = 60_000;
/** The worker's own heap: far more than a 10 MB file of 5000 rows needs, far less than the server has. */
const HEAP_MB = 512;

type Reply = { ok: true; check: ImportCheck } | { ok: false; message: string | null; detail?: string };

export async function checkImportFileOffThread(fileName: string, bytes: Uint8Array, defaults: { issuer: string }): Promise<ImportCheck> {
  if (siteEnv().CATALOG_IMPORT_WORKER === "off") return checkImportFile(fileName, bytes, defaults).catch(rethrow);
  const reply = await new Promise<Reply>((resolve, reject) => {
    const worker = new Worker(/* turbopackIgnore: true */ workerPath(), { workerData: { fileName, bytes, issuer: defaults.issuer }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new AppError("INVALID", "文件读取超时，请拆分后分批导入"));
    }, TIME_LIMIT_MS);
    worker.once("message", (message: Reply) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      // Out of its memory, most likely: the file is too big to import at once.
      reject(/memory|ERR_WORKER_OUT_OF_MEMORY/i.test(String(error)) ? new AppError("INVALID", "文件过大，无法读取，请拆分后分批导入") : error);
    });
  });
  if (reply.ok) return reply.check;
  if (reply.message) throw new AppError("INVALID", reply.message);
  throw new Error(`spreadsheet worker failed: ${reply.detail}`);
}

function rethrow(error: unknown): never {
  if (error instanceof UnreadableSpreadsheetError) throw new AppError("INVALID", error.message);
  throw error;
}
