// Where to go after signing in: only a path on this site, never an open
// redirect ("//evil", "/\\evil" and control characters resolve off-site).
const PROBE = "http://nianbao.invalid";

export function safeCallbackPath(callbackUrl: string | undefined, fallback = "/workspace"): string {
  if (!callbackUrl || !callbackUrl.startsWith("/")) return fallback;
  try {
    const url = new URL(callbackUrl, PROBE);
    // "/.//evil" resolves on this origin to the path "//evil", which a browser
    // then reads as another host: refuse any path that starts like that.
    if (url.origin !== PROBE || /^\/[\/\\]/.test(url.pathname) || callbackUrl.includes("\\")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
