// 适老化: larger text for older readers, without script. The link sets a
// cookie and returns the reader to the page they were on.
import { safeCallbackPath } from "@/lib/auth/safe-callback";

export function GET(request: Request) {
  const url = new URL(request.url);
  const large = url.searchParams.get("size") === "large";
  const back = safeCallbackPath(url.searchParams.get("back") ?? undefined, "/");
  return new Response(null, {
    status: 303,
    headers: {
      Location: back,
      "Set-Cookie": `text-size=${large ? "large" : "normal"}; Path=/; Max-Age=31536000; SameSite=Lax`,
    },
  });
}
