// npm run create-admin -- --username <name> [--name <显示名>]
// Creates a system administrator. The password is asked for at the prompt, or
// read from ADMIN_PASSWORD when there is no terminal.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createAdministrator } from "@/lib/accounts/create-first-admin";
import { createPrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { prepareAppDatabase } from "./lib";

const { values } = parseArgs({ options: { username: { type: "string" }, name: { type: "string" } } });
if (!values.username) {
  console.error("用法：npm run create-admin -- --username <用户名> [--name <姓名>]");
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new AppError("INVALID", "没有终端可输入密码：请用环境变量 ADMIN_PASSWORD 提供");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const password = await rl.question("密码（至少8位，含大小写字母、数字、符号中的3类）：");
  rl.close();
  return password;
}

const { url, server } = await prepareAppDatabase({ migrate: true });
const prisma = createPrismaClient(url);
let code = 0;
try {
  const password = await readPassword();
  await createAdministrator(prisma, { username: values.username, displayName: values.name ?? values.username, password });
  console.log(`已创建系统管理员 ${values.username}`);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  code = 1;
} finally {
  await prisma.$disconnect();
  await server.stop();
}
process.exit(code);
