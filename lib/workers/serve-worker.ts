// The worker's side of run-bounded-worker.ts: runs one task on the data it
// was given and posts the answer back. What is wrong with the user's file
// (an error the task marks as the user's) goes back as its message; anything
// else as a detail for the log, never to the user.
import { parentPort, workerData } from "node:worker_threads";

export type WorkerReply<T> = { ok: true; value: T } | { ok: false; message: string | null; detail?: string };

export function serveWorker<I, T>(task: (input: I) => Promise<T> | T, isUserError: (error: unknown) => error is Error): void {
  const { input } = workerData as { input: I };
  const post = (reply: WorkerReply<T>) => parentPort!.postMessage(reply);
  Promise.resolve()
    .then(() => task(input))
    .then(
      (value) => post({ ok: true, value }),
      (error: unknown) => {
        // A call stack exceeded by what the file nests is the file's doing, not the server's.
        if (error instanceof RangeError && /call stack/i.test(error.message)) return post({ ok: false, message: "文件的结构嵌套过深，无法读取" });
        post(isUserError(error) ? { ok: false, message: error.message } : { ok: false, message: null, detail: String((error as Error)?.stack ?? error) });
      },
    );
}
