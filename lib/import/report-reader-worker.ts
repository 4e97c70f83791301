// Runs in a bounded worker thread (lib/workers/run-bounded-worker.ts): reads
// and parses an uploaded report file, so that no file can stall the server.
import { serveWorker } from "@/lib/workers/serve-worker";
import { readReportFiles } from "./read-report-files";
import { UnreadableFileError } from "./read-source";

serveWorker(readReportFiles, (error): error is Error => error instanceof UnreadableFileError);
