// The client's address, for the audit log and the sign-in limits. The
// production server (server.ts) puts the socket's peer address in
// x-nianbao-peer, replacing anything a client sent under that name. Only when
// that peer is one of TRUSTED_PROXIES (addresses or CIDR ranges, comma
// separated: the nginx in front) are X-Real-IP and X-Forwarded-For believed;
// otherwise any client could write its own source address into the audit log.
import { BlockList, isIP } from "node:net";
import { siteEnv } from "@/lib/env";

export const PEER_HEADER = "x-nianbao-peer";

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an address → null. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  const address = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "") ?? "";
  return isIP(address) ? address : null;
}

let parsedFrom: string | undefined;
let trusted = new BlockList();

function trustedProxies(): BlockList {
  const setting = siteEnv().TRUSTED_PROXIES;
  if (setting !== parsedFrom) {
    parsedFrom = setting;
    trusted = new BlockList();
    for (const entry of setting.split(",").map((e) => e.trim()).filter(Boolean)) {
      const [address, prefix] = entry.split("/");
      const family = isIP(address ?? "") === 6 ? "ipv6" : "ipv4";
      if (!isIP(address ?? "")) continue;
      if (prefix === undefined) trusted.addAddress(address!, family);
      else trusted.addSubnet(address!, Number(prefix), family);
    }
  }
  return trusted;
}

const isTrusted = (address: string) => trustedProxies().check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/** Whether the request came through one of TRUSTED_PROXIES, whose forwarding headers (address, host) are believed. */
export function fromTrustedPeer(header: (name: string) => string | null | undefined): boolean {
  const peer = normaliseAddress(header(PEER_HEADER));
  return peer !== null && isTrusted(peer);
}

export function sourceIpFrom(header: (name: string) => string | null | undefined): string | null {
  const peer = normaliseAddress(header(PEER_HEADER));
  if (!peer || !fromTrustedPeer(header)) return peer;
  const realIp = normaliseAddress(header("x-real-ip"));
  if (realIp) return realIp;
  // The right-most entry our proxies did not add is the client as the first trusted proxy saw it.
  const forwarded = (header("x-forwarded-for") ?? "").split(",").map(normaliseAddress).filter((a): a is string => a !== null);
  while (forwarded.length > 0 && isTrusted(forwarded.at(-1)!)) forwarded.pop();
  return forwarded.at(-1) ?? peer;
}
