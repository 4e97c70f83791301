// npm run org:import -- <file> [<file2>] [--apply]
// Reads a region's register (an .xlsx with the 单位 and 账号 sheets, or one or
// two CSV files) and prints the plan row by row, as the /admin/import preview
// shows it, planned as the system administrator. With --apply, and only when
// no row is refused, applies it in one transaction (audited as
// system:org-import) and prints the new accounts' one-time invitation links —
// shown this once; the database keeps only their hashes. Exit codes: 0 done
// (or nothing to change), 1 refused (an unreadable file, refused rows; nothing
// written), 2 usage, 3 unexpected (e.g. the database unreachable; nothing written).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Actor } from "@/lib/auth/actor";
import { createPrismaClient } from "@/lib/db/client";
import { siteEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { UnreadableFileError } from "@/lib/import/read-source";
import { applyRegister } from "@/lib/register/apply-register";
import { TABLE_LABELS } from "@/lib/register/columns";
import { loadSnapshot } from "@/lib/register/load-snapshot";
import { mailConfigured } from "@/lib/notifications/notify";
import { OUTCOME_LABELS } from "@/lib/register/outcome-labels";
import { hasChanges, hasRefusals, planRegister } from "@/lib/register/plan-register";
import { readRegister } from "@/lib/register/read-register";
import { MAX_REGISTER_BYTES } from "@/lib/register/read-sheets";
import type { OutcomeCounts, Register, RegisterPlan } from "@/lib/register/types";
import { prepareAppDatabase } from "./lib";

const { values: options, positionals: files } = parseArgs({ allowPositionals: true, options: { apply: { type: "boolean", default: false } } });
if (files.length === 0 || files.length > 2) {
  console.error("用法：npm run org:import -- <名录.xlsx | 单位.csv [账号.csv]> [--apply]");
  process.exit(2);
}

/** The command line acts as the system administrator, and says so in the audit log. */
const cliActor: Actor = {
  accountId: "00000000-0000-0000-0000-000000000000",
  username: "system:org-import",
  displayName: "命令行导入",
  isSystemAdmin: true,
  isAuditor: false,
  roles: [],
  sessionId: "",
  sourceIp: null,
};

function readFiles(): { name: string; bytes: Uint8Array }[] {
  return files.map((file) => {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new UnreadableFileError(`找不到文件“${file}”`);
    }
    if (size > MAX_REGISTER_BYTES) throw new UnreadableFileError(`文件“${file}”过大，最大 ${MAX_REGISTER_BYTES / 1024 / 1024} MB，请分批导入`);
    return { name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) };
  });
}

const counted = (counts: OutcomeCounts) => (Object.keys(OUTCOME_LABELS) as (keyof OutcomeCounts)[]).map((o) => `${OUTCOME_LABELS[o]} ${counts[o]}`).join("，");

function printPlan(register: Register, plan: RegisterPlan) {
  for (const note of register.notes) console.log(`说明：${note}`);
  const tables = [
    ["units", plan.units.map((u) => ({ ...u, label: `${u.name}（${u.code}）` }))],
    ["accounts", plan.accounts.map((a) => ({ ...a, label: `${a.username}（${a.displayName}）` }))],
  ] as const;
  for (const [table, rows] of tables) {
    if (rows.length === 0) continue;
    console.log(`\n${TABLE_LABELS[table]}：${rows.length} 行（${counted(plan.counts[table])}）`);
    for (const row of rows) {
      if (row.outcome === "unchanged") continue;
      const detail = [...row.reasons, ...row.changes, ...row.notes].join("；");
      console.log(`  第${row.row}行 ${OUTCOME_LABELS[row.outcome]} ${row.label}${detail ? `：${detail}` : ""}`);
    }
  }
}

let exitCode = 0;
let register: Register;
try {
  register = await readRegister(readFiles());
} catch (error) {
  if (!(error instanceof UnreadableFileError)) throw error;
  console.error(`未导入：${error.message}`);
  process.exit(1);
}
const { url, server } = await prepareAppDatabase({ migrate: true });
const prisma = createPrismaClient(url);
try {
  const plan = planRegister(register, await loadSnapshot(prisma, register), { actor: cliActor, scope: { all: true }, mail: mailConfigured() });
  printPlan(register, plan);
  if (hasRefusals(plan)) {
    console.error("\n有被拒绝的行，未导入任何内容：请按上面的原因修改文件后重新运行。");
    exitCode = 1;
  } else if (!hasChanges(plan)) {
    console.log("\n名录与系统中的一致，没有需要导入的变化。");
  } else if (!options.apply) {
    console.log("\n以上为预览，未写入任何内容。确认无误后加 --apply 导入。");
  } else {
    const result = await applyRegister(prisma, cliActor, { all: true }, register, { expectedDigest: plan.digest });
    console.log(`\n已导入（审计日志记为 ${cliActor.username}）。`);
    if (result.invitations.length > 0) {
      console.log(`新账号的一次性邀请链接（只显示这一次，请交给本人；填了邮箱的已同时发送）：`);
      for (const i of result.invitations) console.log(`  ${i.username}\t${i.displayName}\t${i.unit}\t${i.url}\t有效期至 ${i.expiresAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}`);
      if (!siteEnv().SITE_URL) console.log("（链接的网址取自 NEXTAUTH_URL 或本机地址；正式环境请设置 SITE_URL 为网站的公开地址。）");
    }
  }
} catch (error) {
  if (error instanceof AppError) {
    console.error(`未导入：${error.message}`);
    exitCode = 1;
  } else {
    // No stack trace for the user: what failed, in one line; nothing was written (one transaction).
    console.error(`导入失败，未写入任何内容：${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    exitCode = 3;
  }
} finally {
  await prisma.$disconnect();
  await server.stop();
}
process.exit(exitCode);
