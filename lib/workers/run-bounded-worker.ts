// Work on a user's file — reading a Word file, a saved page, a workbook, a
// zip — runs in a worker thread with a heap and a time limit of its own, so
// that a huge or hostile file costs that worker, never the thread that
// answers everyone else (a 1 MB .docx once took the whole server down). At
// most WORKER_SLOTS run at once; a few more wait their turn, and beyond that
// a request is told the server is busy rather than queued without end.
import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import type { WorkerReply } from "./serve-worker";

export interface WorkerLimits {
  /** The worker's own heap (V8's old generation), in MB. */
  heapMb: number;
  timeLimitMs: number;
  /** What the user is told when the limit is reached. */
  timeoutMessage: string;
  memoryMessage: string;
}

/** Two cores: two files read at once leave the server its own. */
const WORKER_SLOTS = 2;
const MAX_WAITING = 16;

// Plain JavaScript that registers the TypeScript loader in the thread, then imports the worker module.
// Resolved at run time from the checkout, so that the bundler leaves the worker (and tsx) alone.
const fromCheckout = (parts: readonly string[]) => path.join(/* turbopackIgnore: true */ process.cwd(), ...parts);
const BOOT = ["lib", "workers", "worker-boot.mjs"];

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= WORKER_SLOTS) {
    if (waiting.length >= MAX_WAITING) throw new AppError("UNAVAILABLE", "服务器正忙于读取其他文件，请稍后再试");
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/** Runs `module` (path parts from the checkout, a module that calls serveWorker) on `input` in a bounded worker. */
export async function runBoundedWorker<T>(module: readonly string[], input: unknown, limits: WorkerLimits): Promise<T> {
  const release = await slot();
  try {
    const reply = await new Promise<WorkerReply<T>>((resolve, reject) => {
      const worker = new Worker(/* turbopackIgnore: true */ fromCheckout(BOOT), {
        workerData: { module: fromCheckout(module), input },
        resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      });
      let settled = false;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        finish();
      };
      const timer = setTimeout(() => settle(() => reject(new AppError("INVALID", limits.timeoutMessage))), limits.timeLimitMs);
      worker.once("message", (message: WorkerReply<T>) => settle(() => resolve(message)));
      worker.once("error", (error) =>
        // Out of its memory, most likely: the file is too big or too intricate to read.
        settle(() => reject(/memory|ERR_WORKER_OUT_OF_MEMORY/i.test(String(error)) ? new AppError("INVALID", limits.memoryMessage) : error)),
      );
      worker.once("exit", (code) => settle(() => reject(new Error(`worker ${module.join("/")} exited with ${code} before answering`))));
    });
    if (reply.ok) return reply.value;
    if (reply.message) throw new AppError("INVALID", reply.message);
    throw new Error(`worker ${module.join("/")} failed: ${reply.detail}`);
  } finally {
    release();
  }
}
