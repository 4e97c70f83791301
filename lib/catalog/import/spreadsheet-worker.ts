// Runs in a worker thread: reads and checks one import file and posts the
// result back, so that a large workbook never blocks the server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { checkImportFile } from "./check-file";
import { UnreadableSpreadsheetError } from "./read-spreadsheet";

const { fileName, bytes, issuer } = workerData as { fileName: string; bytes: Uint8Array; issuer: string };
checkImportFile(fileName, bytes, { issuer }).then(
  (check) => parentPort!.postMessage({ ok: true, check }),
  (error: unknown) =>
    parentPort!.postMessage(
      error instanceof UnreadableSpreadsheetError ? { ok: false, message: error.message } : { ok: false, message: null, detail: String(error) },
    ),
);
