// Work on a user's file — reading a Word file, a saved page, a workbook, a
// zip — runs in a worker thread with a heap and a time limit of its own, so
// that a huge or hostile file costs that worker, never the thread that
// answers everyone else (a 1 MB .docx once took the whole server down). At
// most WORKER_SLOTS run at once; a few more wait their turn, and beyond that
// a request is told the server is busy rather than queued without end.
// Each worker runs one task and is ended; the next one is started (its
// TypeScript loaded, ~0.7 s) while nobody waits, so that an upload does not.
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

type Spare = { worker: Worker; dead: boolean };
/** A started worker per module and heap, waiting for its task. */
const spares = new Map<string, Spare>();

function start(module: readonly string[], heapMb: number): Spare {
  const worker = new Worker(/* turbopackIgnore: true */ fromCheckout(BOOT), {
    workerData: { module: fromCheckout(module) },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  const spare: Spare = { worker, dead: false };
  // A spare that fails to start is not used; its error is the next start's to report.
  const died = () => (spare.dead = true);
  worker.once("error", died);
  worker.once("exit", died);
  // Waiting spares never keep the process alive.
  worker.unref();
  return spare;
}

/** The waiting worker for this module, or a new one; another is started to wait for the next task. */
function take(module: readonly string[], heapMb: number): Worker {
  const key = `${module.join("/")}#${heapMb}`;
  const spare = spares.get(key);
  const taken = spare && !spare.dead ? spare : start(module, heapMb);
  taken.worker.removeAllListeners();
  taken.worker.ref();
  spares.set(key, start(module, heapMb));
  return taken.worker;
}

/** Runs `module` (path parts from the checkout, a module that calls serveWorker) on `input` in a bounded worker. */
export async function runBoundedWorker<T>(module: readonly string[], input: unknown, limits: WorkerLimits): Promise<T> {
  const release = await slot();
  try {
    const reply = await new Promise<WorkerReply<T>>((resolve, reject) => {
      const worker = take(module, limits.heapMb);
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
      worker.postMessage(input);
    });
    if (reply.ok) return reply.value;
    if (reply.message) throw new AppError("INVALID", reply.message);
    throw new Error(`worker ${module.join("/")} failed: ${reply.detail}`);
  } finally {
    release();
  }
}
