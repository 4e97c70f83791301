import { expect, type APIRequestContext } from "@playwright/test";

/** Signs in over HTTP (next-auth's credentials endpoint); the cookie lands in the page's context. */
export async function signIn(request: APIRequestContext, username: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session, `signed in as ${username}`).toHaveProperty("expires");
}

export const demo = {
  clerk: { username: "leiguan-clerk", password: "Clerk-demo-2026" },
  reviewer: { username: "leiguan-reviewer", password: "Review-demo-2026" },
  admin: { username: "admin", password: "Admin-demo-2026" },
  otherClerk: { username: "xinan-clerk", password: "Clerk-demo-2026" },
};
