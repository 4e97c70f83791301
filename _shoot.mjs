import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3200";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
async function login(ctx, u, p) {
  const r = ctx.request;
  const { csrfToken } = await (await r.get(base + "/api/auth/csrf")).json();
  await r.post(base + "/api/auth/callback/credentials", { form: { csrfToken, username: u, password: p, json: "true" } });
}
const width = Number(process.env.W ?? 1280);
const ctx = await browser.newContext({ viewport: { width, height: 900 } });
await login(ctx, process.env.U ?? "xinan-clerk", process.env.P ?? "Clerk-demo-2026");
const page = await ctx.newPage();
await page.goto(base + (process.env.URL ?? "/workspace"));
if (process.env.START) {
  await page.getByLabel("年度", { exact: true }).selectOption(process.env.START);
  await page.getByRole("button", { name: `开始填报${process.env.START}年度报告` }).click();
  await page.waitForURL(/reports\/[0-9a-f-]{36}$/);
  await page.getByRole("textbox", { name: "一、本年新收政府信息公开申请数量 自然人", exact: true }).fill("3");
  await page.getByRole("textbox", { name: "（一）予以公开 自然人", exact: true }).fill("3");
  await page.waitForTimeout(2500);
  console.log(page.url());
}
await page.waitForTimeout(500);
const sel = process.env.SEL;
if (sel) await page.locator(sel).first().screenshot({ path: process.env.OUT ?? "/tmp/shots/shot.png" });
else await page.screenshot({ path: process.env.OUT ?? "/tmp/shots/shot.png", fullPage: true });
await browser.close();
