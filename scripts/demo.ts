// npm run demo: database (embedded unless DATABASE_URL is set), migrations,
// demo data, a production build if there is none, then the app on port 3000.
import { existsSync } from "node:fs";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";
import { demoAccounts } from "@/lib/demo/demo-accounts";
import { appEnv, prepareAppDatabase, run } from "./lib";

const port = process.env.PORT ?? "3000";
const { url, server } = await prepareAppDatabase({ migrate: true });

const prisma = createPrismaClient(url);
const { published } = await seedDemo(prisma);
await prisma.$disconnect();
console.log(published.length > 0 ? `已导入并发布示例报告：${published.join(", ")}` : "示例数据已存在，未重复导入。");

if (process.argv.includes("--rebuild") || !existsSync(".next/BUILD_ID")) {
  const built = await run("node_modules/.bin/next", ["build"]);
  if (built !== 0) process.exit(built);
}
console.log(`\n年报系统已启动：http://localhost:${port}/`);
console.log(`示例报告：http://localhost:${port}/reports/laian-leiguan/2023`);
console.log(`工作人员登录：http://localhost:${port}/login（仅供演示的账号）`);
for (const account of demoAccounts) {
  console.log(`  ${account.username.padEnd(18)} ${account.password.padEnd(18)} ${account.displayName}`);
}
console.log("");
// Without a mail server the demo writes what it would send to .data/mail/ (one .eml file per message).
const mail: Record<string, string> = process.env.SMTP_URL ? {} : { MAIL_DIR: process.env.MAIL_DIR ?? ".data/mail" };
const code = await run("node_modules/.bin/tsx", ["server.ts"], { ...appEnv(url, port), ...mail, PORT: port });
await server.stop();
process.exit(code);
