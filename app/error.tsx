"use client";

// Unexpected errors: a plain message and the error's number for the log; the
// details stay in the server log, never on the page.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">系统出错</h1>
      <p className="mb-4">页面暂时无法显示，请稍后重试。{error.digest && `（错误编号：${error.digest}）`}</p>
      <button type="button" onClick={reset} className="rounded bg-blue-800 px-3 py-1 text-white">
        重试
      </button>
    </>
  );
}
