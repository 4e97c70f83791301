"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setError(null);
        startTransition(async () => {
          const result = await signIn("credentials", {
            username: String(data.get("username") ?? ""),
            password: String(data.get("password") ?? ""),
            redirect: false,
          });
          if (result?.ok && !result.error) {
            router.push(callbackUrl);
            router.refresh();
          } else {
            setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "用户名或密码错误");
          }
        });
      }}
    >
      <div>
        <label htmlFor="username" className="block font-semibold">用户名</label>
        <input id="username" name="username" autoComplete="username" required className="w-full rounded border border-gray-400 px-2 py-1" />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="w-full rounded border border-gray-400 px-2 py-1" />
      </div>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-1 text-white">
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
