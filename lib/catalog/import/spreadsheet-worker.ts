// Runs in a worker thread (run-bounded-worker.ts): reads and checks one
// import file, so that a large workbook never blocks the server's event loop.
import { serveWorker } from "@/lib/workers/serve-worker";
import { checkImportFile } from "./check-file";
import { UnreadableSpreadsheetError } from "./read-spreadsheet";

serveWorker(
  ({ fileName, bytes, issuer }: { fileName: string; bytes: Uint8Array; issuer: string }) => checkImportFile(fileName, bytes, { issuer }),
  (error): error is Error => error instanceof UnreadableSpreadsheetError,
);
