"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body>
        <h1>系统出错</h1>
        <p>页面暂时无法显示，请稍后重试。{error.digest && `（错误编号：${error.digest}）`}</p>
      </body>
    </html>
  );
}
