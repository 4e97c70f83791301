// A request body bounded while it arrives, not by the length it declares: a
// chunked body has none, and a 150 MB chunked sign-in was once read whole.
// The body is held back from whoever reads the request (Next.js) until it has
// all arrived within the bound; then it is handed on untouched. Held here at
// the HTTP parser's hand-over (IncomingMessage.push), so that nothing is
// buffered beyond the bound and nothing in Next.js needs to know.
import type { IncomingMessage } from "node:http";

export type HeldBody = "complete" | "too-large";

/**
 * Call synchronously in the request listener, before any await: Node's parser
 * hands the body over right after it emits the request.
 */
export function holdBody(request: IncomingMessage, maxBytes: number): Promise<HeldBody> {
  if (request.complete) return Promise.resolve("complete");
  const push = request.push.bind(request);
  const held: Buffer[] = [];
  let size = 0;
  return new Promise((resolve) => {
    request.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
      if (chunk === null) {
        request.push = push;
        for (const part of held) push(part);
        resolve("complete");
        return push(null);
      }
      size += chunk.length;
      if (size > maxBytes) {
        request.push = push;
        held.length = 0;
        resolve("too-large");
        // Nothing more is wanted: the parser stops reading the socket.
        return false;
      }
      held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      return true;
    };
  });
}
