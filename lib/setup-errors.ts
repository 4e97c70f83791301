// What goes wrong while setting up or starting, said in one line with what to
// do — never a stack trace (the demo, `npm start`, the scripts, the server).
export function setupProblem(error: unknown): string {
  const { code, message, address, port } = (error ?? {}) as { code?: string; message?: string; address?: string; port?: number };
  const text = message ?? String(error);
  if (code === "EADDRINUSE") return `端口 ${port ?? ""} 已被占用：请关闭占用它的程序，或换一个端口，例如 PORT=3001 npm run demo`;
  if (code === "ENOSPC" || /No space left on device|could not extend file/i.test(text)) {
    return "磁盘空间不足：请清理磁盘（.data/ 下是内置数据库和附件）后再试";
  }
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EHOSTUNREACH" || code === "ETIMEDOUT" || /timeout expired|Connection terminated|connect ECONNREFUSED/i.test(text)) {
    return `无法连接数据库${address ? ` ${address}${port ? `:${port}` : ""}` : ""}（${text.split("\n")[0]}）：请确认 PostgreSQL 已启动且 DATABASE_URL 正确，或不设置 DATABASE_URL 以使用内置数据库`;
  }
  if (/password authentication failed|role .* does not exist|database .* does not exist/i.test(text)) {
    return `数据库拒绝连接（${text.split("\n")[0]}）：请检查 DATABASE_URL 中的用户名、密码和数据库名`;
  }
  return text.split("\n")[0] ?? "未知错误";
}

/** For a command-line entry point: any failure ends the process with one line and exit code 1. */
export function failPlainly(): void {
  const fail = (error: unknown) => {
    console.error(`错误：${setupProblem(error)}`);
    process.exit(1);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
}
