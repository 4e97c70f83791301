// A staff page asked for by someone not signed in: to the sign-in page, and
// back to the page they asked for afterwards (the address comes from
// proxy.ts; the login page keeps it on this site: lib/auth/safe-callback.ts).
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

export async function redirectToSignIn(fallback = "/workspace"): Promise<never> {
  const requested = (await headers()).get("x-nianbao-requested-path");
  const target = requested && requested.startsWith("/") && !requested.startsWith("//") ? requested : fallback;
  redirect(`/login?callbackUrl=${encodeURIComponent(target)}`);
}
