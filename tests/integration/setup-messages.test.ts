// Setup never ends in a stack trace: a database URL that does not answer is
// said in one line, with what to do, and a non-zero exit code.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", ...args], { cwd: root, env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("setup messages", () => {
  it("a database URL that does not answer: one line, exit code 1", async () => {
    const { code, stderr } = await run(["scripts/with-database.ts", "--migrate"], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nianbao" });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^错误：无法连接数据库/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
