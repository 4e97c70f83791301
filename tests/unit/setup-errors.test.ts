import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertReachableByPostgresUser } from "@/lib/db/embedded";
import { setupProblem } from "@/lib/setup-errors";

describe("setup problems in one line", () => {
  it("a port in use, a full disk, a database that does not answer", () => {
    expect(setupProblem(Object.assign(new Error("listen EADDRINUSE"), { code: "EADDRINUSE", port: 3000 }))).toBe(
      "端口 3000 已被占用：请关闭占用它的程序，或换一个端口，例如 PORT=3001 npm run demo",
    );
    expect(setupProblem(Object.assign(new Error("write failed"), { code: "ENOSPC" }))).toMatch(/^磁盘空间不足/);
    expect(setupProblem(new Error('could not extend file "base/16384/2619": No space left on device'))).toMatch(/^磁盘空间不足/);
    expect(setupProblem(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", address: "127.0.0.1", port: 1 }))).toMatch(
      /^无法连接数据库 127\.0\.0\.1:1（connect ECONNREFUSED 127\.0\.0\.1:1）：请确认 PostgreSQL 已启动/,
    );
    expect(setupProblem(new Error('password authentication failed for user "x"'))).toMatch(/^数据库拒绝连接/);
    for (const message of ["a\n    at f (x.js:1:1)", "b"]) expect(setupProblem(new Error(message))).not.toContain("\n");
  });

  it("as root, a checkout in a folder others cannot enter is named, with what to do", () => {
    const home = mkdtempSync(path.join(tmpdir(), "private-home-"));
    const checkout = path.join(home, "nianbao");
    mkdirSync(checkout);
    chmodSync(home, 0o700);
    try {
      expect(() => assertReachableByPostgresUser(checkout, 0)).toThrow(`内置数据库以 postgres 用户运行，它无法进入 ${home}`);
      expect(() => assertReachableByPostgresUser(checkout, 1000)).not.toThrow();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
