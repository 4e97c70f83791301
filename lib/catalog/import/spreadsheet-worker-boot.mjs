// A worker thread's entry: plain JavaScript that registers the TypeScript
// loader (tsx) for this thread, then runs the worker itself. Node 20 does not
// pass the main thread's loader on to workers.
import { register } from "tsx/esm/api";

register();
await import("./spreadsheet-worker.ts");
