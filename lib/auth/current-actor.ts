// The Actor of the current request, from the next-auth cookie and the
// server-side session it names. Checked on every request, never cached
// across requests.
import "server-only";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { validateSession } from "./sessions";
import { sourceIpFrom } from "./source-ip";
import { siteEnv } from "@/lib/env";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const raw = COOKIE_NAMES.map((name) => jar.get(name)?.value).find(Boolean);
  const secret = siteEnv().NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  if (!sessionId) return null;
  const requestHeaders = await headers();
  return validateSession(db(), sessionId, sourceIpFrom((name) => requestHeaders.get(name)));
});
