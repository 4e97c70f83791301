/**
 * The client's address as the proxy in front of the app reports it. The
 * left-hand X-Forwarded-For entries are whatever the client sent; the
 * right-most one is the address our proxy saw.
 */
export function sourceIpFrom(header: (name: string) => string | null | undefined): string | null {
  const forwarded = header("x-forwarded-for")?.split(",").at(-1)?.trim();
  return header("x-real-ip")?.trim() || forwarded || null;
}
