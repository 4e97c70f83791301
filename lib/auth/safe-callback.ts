// Where to go after signing in: only a path on this site, never an open
// redirect ("//evil", "/\\evil" and control characters resolve off-site).
const PROBE = "http://nianbao.invalid";

export function safeCallbackPath(callbackUrl: string | undefined, fallback = "/workspace"): string {
  if (!callbackUrl || !callbackUrl.startsWith("/")) return fallback;
  try {
    const url = new URL(callbackUrl, PROBE);
    return url.origin === PROBE ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
