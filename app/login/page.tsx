import type { Metadata } from "next";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "工作人员登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">工作人员登录</h1>
      <LoginForm callbackUrl={next} />
    </div>
  );
}
