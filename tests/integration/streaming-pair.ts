// A PostgreSQL primary and a streaming standby of it, made for one test: the
// machine's own server has no replication entry, so the test runs its own
// clusters with the system's PostgreSQL binaries, on free ports, in a
// temporary directory. The server refuses to run as root, so as root every
// binary runs as the `postgres` system user (the way CI runs).
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, appendFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const OS_USER = "postgres";

/** The newest Debian PostgreSQL that ships pg_basebackup (the embedded server does not). */
function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, "bin")).find((dir) => existsSync(path.join(dir, "pg_basebackup")));
  if (!found) throw new Error("这项测试需要系统的 PostgreSQL（/usr/lib/postgresql/<版本>/bin，含 pg_basebackup）");
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  port: number;
  dir: string;
  /** The cluster's `postgres` maintenance database as its superuser. */
  url: string;
}

export class StreamingPair {
  private readonly bin = binDir();
  private readonly asRoot = userInfo().uid === 0;
  readonly base: string;
  primary!: Cluster;
  standby!: Cluster;

  private constructor() {
    this.base = mkdtempSync(path.join(tmpdir(), "nianbao-replica-"));
  }

  /** initdb, start, then pg_basebackup -R and start the standby. */
  static async start(): Promise<StreamingPair> {
    const pair = new StreamingPair();
    try {
      await pair.setUp();
    } catch (error) {
      await pair.destroy();
      throw error;
    }
    return pair;
  }

  private async pg(binary: string, args: string[]) {
    const file = path.join(this.bin, binary);
    const [command, commandArgs] = this.asRoot ? ["runuser", ["-u", OS_USER, "--", file, ...args]] : [file, args];
    return run(command, commandArgs, { cwd: this.base, env: { ...process.env, LC_ALL: "C.UTF-8" } });
  }

  private async cluster(name: string): Promise<Cluster> {
    const port = await freePort();
    const dir = path.join(this.base, name);
    return { port, dir, url: `postgresql://postgres@127.0.0.1:${port}/postgres` };
  }

  private async setUp() {
    if (this.asRoot) {
      const { stdout } = await run("id", ["-u", OS_USER]);
      const { stdout: group } = await run("id", ["-g", OS_USER]);
      chownSync(this.base, Number(stdout.trim()), Number(group.trim()));
    }
    this.primary = await this.cluster("primary");
    await this.pg("initdb", ["-D", this.primary.dir, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
    appendFileSync(this.primary.dir + "/pg_hba.conf", "\nhost replication all 127.0.0.1/32 trust\n");
    // The test's own throwaway data: nothing needs to survive a crash.
    appendFileSync(this.primary.dir + "/postgresql.conf", "\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\nfull_page_writes = off\n");
    await this.startCluster(this.primary);
    this.standby = await this.cluster("standby");
    // -R writes standby.signal and primary_conninfo: the copy starts as a standby streaming from the primary.
    await this.pg("pg_basebackup", ["-h", "127.0.0.1", "-p", String(this.primary.port), "-U", "postgres", "-D", this.standby.dir, "-R", "-X", "stream", "-c", "fast"]);
    await this.startStandby();
  }

  private async startCluster(cluster: Cluster) {
    await this.pg("pg_ctl", ["-D", cluster.dir, "-l", `${cluster.dir}.log`, "-o", `-p ${cluster.port} -k ${this.base} -c listen_addresses=127.0.0.1`, "-w", "start"]);
  }

  async startStandby() {
    await this.startCluster(this.standby);
  }

  async stopStandby() {
    await this.pg("pg_ctl", ["-D", this.standby.dir, "-m", "fast", "-w", "stop"]);
  }

  /** Stops whatever still runs and removes both clusters. */
  async destroy() {
    for (const cluster of [this.standby, this.primary]) {
      if (cluster && existsSync(path.join(cluster.dir, "postmaster.pid"))) {
        await this.pg("pg_ctl", ["-D", cluster.dir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      }
    }
    rmSync(this.base, { recursive: true, force: true });
  }
}
