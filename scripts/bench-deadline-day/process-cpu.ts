// CPU time used by a process and its children (tsx starts the server as its
// child), from /proc: on a machine whose cores are shared with others, the
// CPU a request costs the app holds still where its latency does not.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

function descendants(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  const children = existsSync(file) ? readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number) : [];
  return [pid, ...children.flatMap(descendants)];
}

/** User and system CPU milliseconds of the process tree so far (Linux only; 0 elsewhere). */
export function processTreeCpuMs(pid: number | undefined): number {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return 0;
  return processesCpuMs(descendants(pid));
}

function cpuMsOf(pid: number): number | null {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null; // The process ended meanwhile.
  }
}

function processesCpuMs(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (cpuMsOf(pid) ?? 0), 0);
}

/**
 * CPU of a changing set of processes (PostgreSQL's backends of one database,
 * which a pool opens and closes): each counted from when it was first seen,
 * one that began meanwhile from its start. One that ended meanwhile is lost.
 */
export class ProcessSetCpu {
  private readonly start = new Map<number, number>();
  constructor(pids: readonly number[]) {
    for (const pid of pids) this.start.set(pid, cpuMsOf(pid) ?? 0);
  }
  sinceStart(pids: readonly number[]): number {
    return pids.reduce((sum, pid) => {
      const now = cpuMsOf(pid);
      return now === null ? sum : sum + now - (this.start.get(pid) ?? 0);
    }, 0);
  }
}
