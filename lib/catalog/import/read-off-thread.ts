// An import file read and checked in a bounded worker thread
// (spreadsheet-worker.ts, lib/workers/run-bounded-worker.ts): a huge or
// hostile workbook costs that worker, never the server that answers everyone else.
// CATALOG_IMPORT_WORKER=off reads it on the request's thread (the benchmark's baseline).
import "server-only";
import { AppError } from "@/lib/errors";
import { siteEnv } from "@/lib/env";
import { runBoundedWorker } from "@/lib/workers/run-bounded-worker";
import { checkImportFile } from "./check-file";
import type { ImportCheck } from "./import-rows";
import { UnreadableSpreadsheetError } from "./read-spreadsheet";

const WORKER = ["lib", "catalog", "import", "spreadsheet-worker.ts"];
const LIMITS = {
  /** Far more than a 10 MB file of 5000 rows needs, far less than the server has. */
  heapMb: 512,
  timeLimitMs: 60_000,
  timeoutMessage: "文件读取超时，请拆分后分批导入",
  memoryMessage: "文件过大，无法读取，请拆分后分批导入",
};

export async function checkImportFileOffThread(fileName: string, bytes: Uint8Array, defaults: { issuer: string }): Promise<ImportCheck> {
  if (siteEnv().CATALOG_IMPORT_WORKER === "off") return checkImportFile(fileName, bytes, defaults).catch(rethrow);
  return runBoundedWorker<ImportCheck>(WORKER, { fileName, bytes, issuer: defaults.issuer }, LIMITS);
}

function rethrow(error: unknown): never {
  if (error instanceof UnreadableSpreadsheetError) throw new AppError("INVALID", error.message);
  throw error;
}
