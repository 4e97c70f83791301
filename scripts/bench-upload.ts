// npm run bench:upload: what a large catalog import does to everyone else.
// Starts the production server (it needs a build: `npm run build`) on a
// throwaway database with the demo data, warms a cached report page, then
// uploads an ~8 MB .xlsx of 5,000 items while reading that page every 20 ms,
// and reports the page's latency during the upload: first with the file
// parsed on the request's thread (CATALOG_IMPORT_WORKER=off, the baseline),
// then in a worker thread, in the same run. A benchmark, not a test.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { dropDatabase, ensureDatabase } from "@/lib/db/admin";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { runtimeRoleUrl } from "@/lib/db/roles";
import { resolveDatabase, withDatabaseName } from "@/lib/db/server";
import { seedDemo } from "@/lib/demo/seed-demo";
import { assertLocalDatabase } from "../tests/assert-local-database";
import { appEnv } from "./lib";

const PAGE = "/reports/laian-leiguan/2023";
const ROWS = Number(process.env.BENCH_UPLOAD_ROWS ?? 5000);

if (!existsSync(".next/BUILD_ID")) {
  console.error("先运行 npm run build：基准测试使用生产构建。");
  process.exit(2);
}

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("目录");
  sheet.addRow(["标题", "信息类别", "文号", "发布机构", "成文日期", "原发布日期", "主题分类", "有效性", "废止或失效日期", "正文"]);
  // Text that does not compress away, as real 正文 does not: about 8 MB zipped.
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const body = () => Array.from({ length: 1100 }, () => String.fromCharCode(0x4e00 + (next() % 3000))).join("");
  for (let i = 0; i < ROWS; i += 1) {
    sheet.addRow([`雷官镇工作动态第${i + 1}期`, "工作动态", "", "", "2024-03-01", "", "综合政务", "有效", "", body()]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function signIn(origin: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, username: "leiguan-clerk", password: "Clerk-demo-2026", json: "true" }),
    redirect: "manual",
  });
  return [cookies, ...response.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

async function run(mode: "off" | "on", url: string, port: number, file: Buffer, organizationId: string) {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: { ...process.env, ...appEnv(url, String(port)), PORT: String(port), HOSTNAME: "127.0.0.1", CATALOG_IMPORT_WORKER: mode, NEXTAUTH_URL: origin },
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 300; i += 1) {
      const status = await fetch(`${origin}${PAGE}`).then((r) => r.status, () => 0);
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (let i = 0; i < 20; i += 1) await fetch(`${origin}${PAGE}`).then((r) => r.arrayBuffer());
    const cookie = await signIn(origin);
    const form = new FormData();
    form.set("organizationId", organizationId);
    form.set("file", new File([new Uint8Array(file)], "目录.xlsx"));
    const samples: number[] = [];
    let done = false;
    const started = performance.now();
    const upload = fetch(`${origin}/workspace/catalog/import/upload`, { method: "POST", headers: { origin, cookie }, body: form })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as { ok: boolean; message: string } }))
      .finally(() => (done = true));
    while (!done) {
      const t = performance.now();
      await fetch(`${origin}${PAGE}`).then((r) => r.arrayBuffer());
      samples.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await upload;
    const seconds = (performance.now() - started) / 1000;
    samples.sort((a, b) => a - b);
    console.log(
      `${mode === "off" ? "parsed on the request thread (baseline)" : "parsed in a worker thread"}`.padEnd(42) +
        `import ${seconds.toFixed(1)} s (${result.status}: ${result.body.message})   cached page during it: ${samples.length} reads, p50 ${percentile(samples, 50).toFixed(0)} ms, p99 ${percentile(samples, 99).toFixed(0)} ms, max ${(samples.at(-1) ?? 0).toFixed(0)} ms`,
    );
  } finally {
    child.kill();
  }
}

const server = await resolveDatabase();
assertLocalDatabase(server.url);
const url = withDatabaseName(server.url, `nianbao_bench_upload_${process.pid}`);
try {
  await ensureDatabase(url);
  await migrate(url);
  const appUrl = await runtimeRoleUrl(url);
  const prisma = createPrismaClient(appUrl);
  await seedDemo(prisma);
  const { id: organizationId } = await prisma.organization.findUniqueOrThrow({ where: { slug: "laian-leiguan" } });
  await prisma.$disconnect();
  const file = await workbook();
  console.log(`upload: ${(file.length / 1024 / 1024).toFixed(1)} MB .xlsx, ${ROWS} rows`);
  const port = 3300 + (process.pid % 500);
  await run("off", appUrl, port, file, organizationId);
  // The second run imports the same items again as new drafts: no 文号, so nothing collides.
  await run("on", appUrl, port + 1, file, organizationId);
} finally {
  await dropDatabase(url).catch((error) => console.error("Could not drop the bench database:", error));
  await server.stop();
}
