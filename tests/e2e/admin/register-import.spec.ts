// A city onboards its register: 滁州's administrator uploads the 政务公开办's
// workbook, sees the two slips in it refused (and nothing imported), sends the
// fixed file, confirms, and hands one new clerk the one-time link; the clerk
// sets a password, signs in and starts the unit's report. The register names
// ten of the demo's units and two of its accounts by their codes and names
// (tests/fixtures/registers/chuzhou-register.ts); chuzhou-admin is the demo's.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../sign-in";

const fixture = (name: string) => path.join("tests/fixtures/registers", name);

async function upload(page: Page, file: string) {
  await page.goto("/admin/import");
  await page.getByLabel(/名录文件/).setInputFiles(fixture(file));
  await page.getByRole("button", { name: "上传并预览" }).click();
  // Read in a bounded worker; the server's first one starts with the request, which on a busy machine takes seconds.
  await expect(page).toHaveURL(/\/admin\/import\/[0-9a-f-]{36}$/, { timeout: 30_000 });
}

test("滁州's administrator imports its register after fixing the refused rows, and a new clerk invited in starts the unit's report", async ({ page, browser }) => {
  await signIn(page.request, "chuzhou-admin", "Admin-city-2026");
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "导入单位和账号名录" })).toBeVisible();
  await expect(page.getByText(/您管理的地区：滁州市人民政府/)).toBeVisible();

  // The office's first file: a mistyped check character and a parent nobody knows.
  await upload(page, "chuzhou-register-with-slips.xlsx");
  const units = page.getByRole("table", { name: /^单位（40 行/ });
  await expect(units).toHaveAccessibleName(/新增 28，变更 0，无变化 10，拒绝 2/);
  const refusedUnits = units.locator('tr[data-outcome="refused"]');
  await expect(refusedUnits).toHaveCount(2);
  await expect(refusedUnits.filter({ hasText: "滁州市交通运输局" })).toContainText("代码的校验位不正确");
  await expect(refusedUnits.filter({ hasText: "凤阳县临淮关镇人民政府" })).toContainText("在单位表和系统中都找不到");
  const accounts = page.getByRole("table", { name: /^账号（80 行/ });
  await expect(accounts).toHaveAccessibleName(/新增 74，变更 1，无变化 1，拒绝 4/);
  await expect(accounts.locator('tr[data-outcome="refused"]')).toHaveCount(4);
  await expect(accounts.locator('tr[data-outcome="changed"]')).toContainText("电子邮箱：quanjiao-supervisor@example.org → gongkai@quanjiao.example.org");
  await expect(page.getByText("有 6 行被拒绝，不能导入", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);
  await page.getByRole("link", { name: "只看被拒绝的 6 行" }).click();
  await expect(page.getByRole("table", { name: /^单位/ }).locator("tbody tr")).toHaveCount(2);

  // The preview reads on a phone and to a screen reader.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The fixed file: nothing refused, so it can be confirmed.
  await upload(page, "chuzhou-register.xlsx");
  await expect(page.getByRole("table", { name: /^单位（40 行/ })).toHaveAccessibleName(/新增 30，变更 0，无变化 10，拒绝 0/);
  await expect(page.getByRole("table", { name: /^账号（80 行/ })).toHaveAccessibleName(/新增 78，变更 1，无变化 1，拒绝 0/);
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByRole("heading", { name: "已导入" })).toBeVisible({ timeout: 30_000 });
  const invitations = page.getByRole("table", { name: /^邀请链接（78 个）/ });
  const href = await invitations.getByRole("row", { name: /wuyi-clerk/ }).getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);

  // The same file again changes nothing.
  await upload(page, "chuzhou-register.xlsx");
  await expect(page.getByRole("table", { name: /^单位（40 行/ })).toHaveAccessibleName(/无变化 40/);
  await expect(page.getByText("名录与系统中的一致（全部“无变化”）", { exact: false })).toBeVisible();

  // The clerk, in a browser of their own, sets a password with the link.
  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await clerk.goto(href!);
  await expect(clerk.getByText("wuyi-clerk")).toBeVisible();
  await clerk.getByLabel("新密码", { exact: true }).fill("Wuyi-clerk-2026");
  await clerk.getByLabel("再次输入新密码").fill("Wuyi-clerk-2026");
  await clerk.getByRole("button", { name: "设置密码" }).click();
  await expect(clerk.getByText("密码已设置")).toBeVisible();
  // The link works once.
  await clerk.goto(href!);
  await expect(clerk.getByRole("alert")).toContainText("该链接已经使用过");

  await signIn(clerk.request, "wuyi-clerk", "Wuyi-clerk-2026");
  await clerk.goto("/workspace");
  await expect(clerk.getByRole("heading", { level: 2, name: "滁州市南谯区乌衣镇人民政府" })).toBeVisible();
  await clerk.getByRole("button", { name: /开始填报\d{4}年度报告/ }).first().click();
  await expect(clerk).toHaveURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);
  await clerkContext.close();
});

test("a clerk cannot open the register import", async ({ page }) => {
  await signIn(page.request, "leiguan-clerk", "Clerk-demo-2026");
  await page.goto("/admin/import");
  await expect(page.getByText("只有管理员可以导入单位和账号名录。")).toBeVisible();
  await expect(page.getByRole("button", { name: "上传并预览" })).toHaveCount(0);
});
