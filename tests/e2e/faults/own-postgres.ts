// A PostgreSQL server of the test's own, from Debian's binaries, that the test
// may freeze (SIGSTOP every process of it: a hung server, a stalled network)
// and thaw again. The machine's shared server cannot be frozen by one test.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** As the `postgres` user when run as root: the server refuses to run as root. */
function asPostgres(command: string, args: string[]) {
  const [file, argv] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: "pipe" });
}

export interface OwnPostgres {
  /** The server's `postgres` database, as its superuser. */
  url: string;
  freeze(): void;
  thaw(): void;
  stop(): void;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), "nianbao-frozen-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = await freePort();
  asPostgres(`${BIN}/initdb`, ["-D", data, "--auth=trust", "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8"]);
  asPostgres(`${BIN}/pg_ctl`, ["-D", data, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "-l", path.join(dir, "log"), "start", "-w"]);
  const postmaster = Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  /** The postmaster and every process it started: all of them stop, or an open connection would still answer. */
  const processes = () => [
    postmaster,
    ...spawnSync("pgrep", ["-P", String(postmaster)], { encoding: "utf8" })
      .stdout.split("\n")
      .filter(Boolean)
      .map(Number),
  ];
  const signal = (name: NodeJS.Signals) => {
    for (const pid of processes()) {
      try {
        process.kill(pid, name);
      } catch {
        // Gone meanwhile: nothing to freeze.
      }
    }
  };
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    freeze: () => signal("SIGSTOP"),
    thaw: () => signal("SIGCONT"),
    stop() {
      signal("SIGCONT");
      try {
        asPostgres(`${BIN}/pg_ctl`, ["-D", data, "stop", "-m", "immediate", "-w"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
