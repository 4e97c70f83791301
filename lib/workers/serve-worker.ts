// The worker's side of run-bounded-worker.ts: waits, loaded and ready, for
// the one task it will run, runs it and posts the answer back. What is wrong
// with the user's file (an error the task marks as the user's) goes back as
// its message; anything else as a detail for the log, never to the user.
import { parentPort } from "node:worker_threads";

export type WorkerReply<T> = { ok: true; value: T } | { ok: false; message: string | null; detail?: string };

function replyTo(error: unknown, isUserError: (error: unknown) => error is Error): WorkerReply<never> {
  // A call stack exceeded by what the file nests is the file's doing, not the server's.
  if (error instanceof RangeError && /call stack/i.test(error.message)) return { ok: false, message: "文件的结构嵌套过深，无法读取" };
  if (isUserError(error)) return { ok: false, message: error.message };
  return { ok: false, message: null, detail: String((error as Error)?.stack ?? error) };
}

export function serveWorker<I, T>(task: (input: I) => Promise<T> | T, isUserError: (error: unknown) => error is Error): void {
  const post = (reply: WorkerReply<T>) => parentPort!.postMessage(reply);
  parentPort!.once("message", (input: I) => {
    Promise.resolve()
      .then(() => task(input))
      .then(
        (value) => post({ ok: true, value }),
        (error: unknown) => post(replyTo(error, isUserError)),
      );
  });
}
