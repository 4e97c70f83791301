"use client";

// Signs out through next-auth's own endpoint (its signOut event revokes the
// session and audits it) without next-auth's client library, which would add
// 30 KB of script to every staff page for this one button.
async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
  // On a shared office PC, never look signed out while the session lives on.
  if (!response.ok) return void window.alert("未能退出登录，请稍后重试");
  // A full page load: nothing of the signed-in pages stays in the browser's memory.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.href = "/login";
}

export function SignOutButton() {
  return (
    <button type="button" className="underline" onClick={() => void signOut()}>
      退出登录
    </button>
  );
}
