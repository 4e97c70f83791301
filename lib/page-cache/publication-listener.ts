// One LISTEN connection per app instance. While it is down the instance may
// miss a publication, so the cache is emptied and switched off until the
// connection is back: a lost notification can cost speed, never correctness.
import pg from "pg";
import { PUBLICATION_CHANNEL, parsePublicationEvent, type PublicationEvent } from "./publication-channel";

type Handlers = {
  onPublication: (event: PublicationEvent) => void;
  /** Listening (true) or not (false); on false the caller must forget what it cached. */
  onListening: (listening: boolean) => void;
  log?: (message: string) => void;
};

const RECONNECT_MS = 1_000;
// A query now and then notices a connection that died without a word (a
// half-open TCP connection would otherwise swallow notifications forever).
const HEALTH_CHECK_MS = 30_000;

export function listenForPublications(databaseUrl: string, handlers: Handlers): { stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let healthCheck: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let listening = false;
  const setListening = (value: boolean) => {
    if (value !== listening) handlers.onListening((listening = value));
  };

  const lost = (reason: string) => {
    if (!client) return;
    const dead = client;
    client = null;
    clearInterval(healthCheck);
    const wasListening = listening;
    setListening(false);
    dead.removeAllListeners();
    dead.on("error", () => undefined);
    void dead.end().catch(() => undefined);
    if (stopped) return;
    // Said once; the retries while the database stays away are quiet.
    if (wasListening) handlers.log?.(`[page-cache] 发布通知连接中断（${reason}），页面缓存暂停，重连中`);
    retry = setTimeout(connect, RECONNECT_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 5_000 });
    next.on("error", (error) => lost(error.message));
    next.on("end", () => lost("connection ended"));
    next.on("notification", (message) => {
      if (message.channel !== PUBLICATION_CHANNEL) return;
      const event = parsePublicationEvent(message.payload);
      if (event) handlers.onPublication(event);
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLICATION_CHANNEL}`);
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
      return;
    }
    if (client !== next || stopped) return;
    setListening(true);
    healthCheck = setInterval(() => {
      next.query("select 1").catch((error: Error) => lost(error.message));
    }, HEALTH_CHECK_MS);
    healthCheck.unref();
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(healthCheck);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners();
        current.on("error", () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
