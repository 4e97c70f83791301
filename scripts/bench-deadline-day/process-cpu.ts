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
  let ticks = 0;
  for (const id of descendants(pid)) {
    try {
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      const fields = readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}
