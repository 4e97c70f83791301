// Runs in a worker thread: reads one import file into rows and posts them
// back, so that parsing a large workbook never blocks the server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { readSpreadsheetRows, UnreadableSpreadsheetError } from "./read-spreadsheet";

const { fileName, bytes, limit } = workerData as { fileName: string; bytes: Uint8Array; limit: number };
readSpreadsheetRows(fileName, bytes, limit).then(
  (result) => parentPort!.postMessage({ ok: true, ...result }),
  (error: unknown) =>
    parentPort!.postMessage(
      error instanceof UnreadableSpreadsheetError ? { ok: false, message: error.message } : { ok: false, message: null, detail: String(error) },
    ),
);
