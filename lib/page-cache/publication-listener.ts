// One LISTEN connection per app instance. While it is down the instance may
// miss a publication; it keeps serving what it has cached (the database may be
// down altogether, and readers should still get the published pages), and when
// the connection is back it asks the publication log for what was published
// after the last number it heard, and forgets exactly those pages.
import pg from "pg";
import { PUBLICATION_CHANNEL, parsePublicationEvent, type PublicationEvent } from "./publication-channel";

type Handlers = {
  /** A publication heard, or one found in the log after the connection came back. */
  onPublication: (event: PublicationEvent) => void;
  /** Listening (true, after catching up with the log) or not (false). */
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
  /** The last publication number heard; null until the first connection. */
  let lastSeq: number | null = null;
  const heard = (event: PublicationEvent) => {
    if (event.seq !== undefined) lastSeq = Math.max(lastSeq ?? 0, event.seq);
    handlers.onPublication(event);
  };
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
    if (wasListening) handlers.log?.(`[page-cache] 发布通知连接中断（${reason}），继续提供已缓存的页面，重连中`);
    retry = setTimeout(connect, RECONNECT_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 5_000 });
    next.on("error", (error) => lost(error.message));
    next.on("end", () => lost("connection ended"));
    next.on("notification", (message) => {
      if (message.channel !== PUBLICATION_CHANNEL) return;
      const event = parsePublicationEvent(message.payload);
      if (event) heard(event);
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLICATION_CHANNEL}`);
      // Listening first, then the log: a publication in between is heard twice, never missed.
      if (lastSeq === null) {
        const { rows } = await next.query<{ seq: string }>("select coalesce(max(seq), 0)::text as seq from publication_log");
        lastSeq = Math.max(lastSeq ?? 0, Number(rows[0]!.seq));
      } else {
        const { rows } = await next.query<{ organization_slug: string; year: number; seq: string }>(
          "select organization_slug, year, seq::text from publication_log where seq > $1 order by seq",
          [lastSeq],
        );
        for (const row of rows) heard({ organization: row.organization_slug, year: row.year, seq: Number(row.seq) });
        if (rows.length > 0) handlers.log?.(`[page-cache] 重连后补上中断期间的 ${rows.length} 次发布`);
      }
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
