// A worker thread's entry: plain JavaScript that registers the TypeScript
// loader (tsx) for this thread, then runs the worker module it was given.
// Node 20 does not pass the main thread's loader on to workers.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
