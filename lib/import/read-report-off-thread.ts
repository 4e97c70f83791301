// Uploaded report files (从文件导入, 补录) are read in a bounded worker: its
// own heap and a time limit, on top of the bounds the readers keep (a zip's
// parts, an HTML page's elements and depth). A file over a bound is refused
// with the bound it broke; the worker is ended; nothing is written.
import "server-only";
import { runBoundedWorker } from "@/lib/workers/run-bounded-worker";
import type { ReadReportFile, ReportFilesRequest } from "./read-report-files";

const WORKER = ["lib", "import", "report-reader-worker.ts"];
/** A real report reads in well under a second and a few tens of MB. */
const HEAP_MB = 256;

export function readReportFilesOffThread(request: ReportFilesRequest): Promise<ReadReportFile[]> {
  // A county's archive is tens of reports, each read in turn.
  const seconds = request.expandZip ? 120 : 20;
  return runBoundedWorker<ReadReportFile[]>(WORKER, request, {
    heapMb: HEAP_MB,
    timeLimitMs: seconds * 1000,
    timeoutMessage: `文件读取超时（超过 ${seconds} 秒），未导入；请检查文件是否为正常的年度报告`,
    memoryMessage: `文件过于复杂，读取时超出内存上限（${HEAP_MB} MB），未导入`,
  });
}
