import { describe, expect, it } from "vitest";
import { isReplicaUnavailable, ReplicaHealth } from "@/lib/db/replica-health";
import { serverEnv } from "@/lib/env";

describe("isReplicaUnavailable", () => {
  it("takes a server that cannot be reached, dropped the connection or is still starting", () => {
    const adapterError = (cause: object) => ({ code: "P2010", message: "Raw query failed", meta: { driverAdapterError: { cause } } });
    expect(isReplicaUnavailable({ code: "P1001", message: "Can't reach database server at 127.0.0.1:5433" })).toBe(true);
    expect(isReplicaUnavailable(adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5433 }))).toBe(true);
    expect(isReplicaUnavailable(adapterError({ kind: "ConnectionClosed" }))).toBe(true);
    expect(isReplicaUnavailable(adapterError({ kind: "postgres", originalCode: "57P03", message: "the database system is starting up" }))).toBe(true);
    expect(isReplicaUnavailable(adapterError({ kind: "postgres", originalCode: "08006" }))).toBe(true);
    expect(isReplicaUnavailable(new Error("Connection terminated due to connection timeout"))).toBe(true);
  });

  it("leaves a query's own errors to its caller", () => {
    expect(isReplicaUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isReplicaUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "42703" } } } })).toBe(false);
    expect(isReplicaUnavailable(undefined)).toBe(false);
  });
});

describe("ReplicaHealth", () => {
  it("skips the replica for a while after a failure, says so once per outage, and says when it is back", () => {
    let now = 1_000;
    const lines: string[] = [];
    const health = new ReplicaHealth({ retryMs: 5_000, now: () => now, log: (line) => lines.push(line) });
    expect(health.isDown()).toBe(false);
    health.markDown("ECONNREFUSED");
    expect(health.isDown()).toBe(true);
    now += 5_000;
    expect(health.isDown()).toBe(false);
    health.markDown("ECONNREFUSED");
    now += 4_999;
    expect(health.isDown()).toBe(true);
    expect(lines).toHaveLength(1);
    health.markUp();
    expect(health.isDown()).toBe(false);
    health.markUp();
    expect(lines).toEqual([expect.stringContaining("只读副本暂不可用（ECONNREFUSED）"), expect.stringContaining("只读副本已恢复")]);
  });
});

describe("DATABASE_REPLICA_URL", () => {
  it("is optional, empty means unset, and anything else must be a URL", () => {
    const read = (value: string | undefined) => {
      const saved = process.env.DATABASE_REPLICA_URL;
      if (value === undefined) delete process.env.DATABASE_REPLICA_URL;
      else process.env.DATABASE_REPLICA_URL = value;
      try {
        return serverEnv().DATABASE_REPLICA_URL;
      } finally {
        if (saved === undefined) delete process.env.DATABASE_REPLICA_URL;
        else process.env.DATABASE_REPLICA_URL = saved;
      }
    };
    expect(read(undefined)).toBeUndefined();
    expect(read("")).toBeUndefined();
    expect(read("postgresql://nianbao_app@replica-1:5432/nianbao")).toBe("postgresql://nianbao_app@replica-1:5432/nianbao");
    expect(() => read("replica-1")).toThrow();
  });
});
