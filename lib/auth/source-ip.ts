/** The client's address as the proxy in front of the app reports it. */
export function sourceIpFrom(header: (name: string) => string | null | undefined): string | null {
  const forwarded = header("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || header("x-real-ip") || null;
}
