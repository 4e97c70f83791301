// A published revision never changes: its downloads are named by the
// revision and can be revalidated cheaply by browsers, proxies and CDNs.
// (The listing of "the latest revision" changes on publication, hence the
// short max-age and revalidation rather than immutable caching.)
export function revisionCacheHeaders(revisionId: string, variant: string): Record<string, string> {
  return {
    ETag: `"${revisionId}-${variant}"`,
    "Cache-Control": "public, max-age=60, must-revalidate",
  };
}

/** 304 when the client already holds this revision's file. */
export function notModified(request: Request, revisionId: string, variant: string): Response | null {
  const etag = `"${revisionId}-${variant}"`;
  const held = request.headers.get("if-none-match");
  if (!held || !held.split(",").map((t) => t.trim()).includes(etag)) return null;
  return new Response(null, { status: 304, headers: revisionCacheHeaders(revisionId, variant) });
}
