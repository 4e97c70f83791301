// Runs in a worker thread (lib/workers/run-bounded-worker.ts): reads the files
// of one register upload, so that a large or hostile workbook never blocks
// the thread that answers everyone else.
import { UnreadableFileError } from "@/lib/import/read-source";
import { serveWorker } from "@/lib/workers/serve-worker";
import { readRegister } from "./read-register";

serveWorker(
  ({ files }: { files: { name: string; bytes: Uint8Array }[] }) => readRegister(files),
  (error): error is Error => error instanceof UnreadableFileError,
);
