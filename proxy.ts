// Tells the staff pages which address was asked for, so that sending a
// signed-out reader to sign in can bring them back to it afterwards
// (lib/auth/require-sign-in.ts). A client's own value of the header is replaced.
import { NextResponse, type NextRequest } from "next/server";

export const REQUESTED_PATH_HEADER = "x-nianbao-requested-path";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

// A Server Action's POST never redirects to sign-in with the path (it answers UNAUTHENTICATED): it skips this.
export const config = {
  matcher: [
    { source: "/workspace/:path*", missing: [{ type: "header", key: "next-action" }] },
    { source: "/admin/:path*", missing: [{ type: "header", key: "next-action" }] },
    { source: "/audit/:path*", missing: [{ type: "header", key: "next-action" }] },
    { source: "/account/:path*", missing: [{ type: "header", key: "next-action" }] },
  ],
};
