// A register's files read in a bounded worker thread (register-worker.ts):
// its own heap and a time limit, so one upload costs that worker, never the
// server. What is wrong with a file comes back as an AppError with the
// reader's message; nothing has been written.
import "server-only";
import { runBoundedWorker } from "@/lib/workers/run-bounded-worker";
import type { Register } from "./types";

const WORKER = ["lib", "register", "register-worker.ts"];
const LIMITS = {
  /** A 5 MB workbook of 20,000 rows needs a fraction of this. */
  heapMb: 256,
  timeLimitMs: 30_000,
  timeoutMessage: "文件读取超时，请拆分后分批导入",
  memoryMessage: "文件过大，无法读取，请拆分后分批导入",
};

export function readRegisterOffThread(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Register> {
  return runBoundedWorker<Register>(WORKER, { files }, LIMITS);
}
