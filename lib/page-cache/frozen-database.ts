// A frozen database is a down one. A read whose answer has not started after
// `afterMs` is waiting on something: if the database does not answer a probe
// either, the read is answered as in an outage (a last copy, or a 503 that
// says so) instead of waiting for a 500 many seconds later; whatever the app
// writes afterwards for it goes nowhere. A read that is only slow, with the
// database answering, is left to finish.
import type { ServerResponse } from "node:http";
import type { DatabaseHealth } from "./outage";

export function answerIfDatabaseFreezes(
  response: ServerResponse,
  afterMs: number,
  health: DatabaseHealth,
  answerOutage: () => Promise<void>,
): void {
  let timer: NodeJS.Timeout | undefined;
  const answered = () => response.headersSent || response.writableEnded;
  const check = async () => {
    if (answered()) return;
    if (await health.checkNow()) return void (timer = setTimeout(check, afterMs));
    if (answered()) return;
    await answerOutage();
    silence(response);
  };
  timer = setTimeout(check, afterMs);
  response.once("close", () => clearTimeout(timer));
}

/** The app's late answer to a request already answered: dropped. */
function silence(response: ServerResponse) {
  const ignore = () => response;
  response.setHeader = ignore;
  response.appendHeader = ignore;
  response.removeHeader = () => undefined;
  response.writeHead = ignore;
  response.flushHeaders = () => undefined;
  response.write = () => true;
  response.end = ignore;
}
