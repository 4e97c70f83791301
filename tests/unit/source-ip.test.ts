import { afterEach, describe, expect, it } from "vitest";
import { sourceIpFrom } from "@/lib/auth/source-ip";

const from = (headers: Record<string, string>) => sourceIpFrom((name) => headers[name]);
afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe("the client's source address", () => {
  it("is the socket's peer; headers a client writes are ignored", () => {
    expect(from({ "x-nianbao-peer": "::ffff:203.0.113.9", "x-real-ip": "1.2.3.4", "x-forwarded-for": "5.6.7.8" })).toBe("203.0.113.9");
    expect(from({ "x-real-ip": "1.2.3.4" })).toBeNull();
  });

  it("comes from X-Real-IP or X-Forwarded-For only when the peer is a trusted proxy", () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8, 192.0.2.1";
    expect(from({ "x-nianbao-peer": "10.0.0.11", "x-real-ip": "198.51.100.7" })).toBe("198.51.100.7");
    // A client's own X-Forwarded-For entries come first; the proxies append theirs after it.
    expect(from({ "x-nianbao-peer": "192.0.2.1", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.11" })).toBe("198.51.100.7");
    expect(from({ "x-nianbao-peer": "192.0.2.1", "x-forwarded-for": "not an address" })).toBe("192.0.2.1");
    expect(from({ "x-nianbao-peer": "203.0.113.9", "x-real-ip": "198.51.100.7" })).toBe("203.0.113.9");
  });
});
