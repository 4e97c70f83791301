// A one-time way into an account: a random token in a link, of which the
// database keeps only the SHA-256 — a copy of the database lets nobody in.
// The link is shown once to the administrator (and mailed, when the account
// has an address), and works once, for INVITATION_DAYS.
import { createHash, randomBytes } from "node:crypto";
import { publicSiteUrl } from "@/lib/env";

export const INVITATION_DAYS = 7;

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isInvitationToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export const invitationPath = (token: string) => `/invite/${token}`;
export const invitationUrl = (token: string) => `${publicSiteUrl()}${invitationPath(token)}`;
