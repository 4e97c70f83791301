import { expect, test } from "@playwright/test";
import { signIn } from "../sign-in";

test("the county's 主管部门 sees late and returned units stand out, and drills a roll-up figure down to its units", async ({ page }) => {
  await signIn(page.request, "laian-supervisor", "Super-demo-2026");
  await page.goto("/workspace");
  await page.getByRole("link", { name: "2025年度监督看板" }).click();
  await expect(page.getByRole("heading", { name: "来安县人民政府 2025年度报告工作监督" })).toBeVisible();

  const row = (name: string) => page.getByRole("row", { name: new RegExp(name) });
  await expect(row("来安县教育体育局").locator('[data-field="status"]')).toHaveText("已退回");
  await expect(row("来安县张山镇人民政府").locator('[data-field="status"]')).toHaveText("待审核");
  await expect(row("来安县张山镇人民政府").locator('[data-field="days"]')).toContainText("已逾期");
  await expect(row("来安县舜山镇人民政府").locator('[data-field="days"]')).toHaveText("按时发布（2026年1月26日）");
  // 张山镇 copied 舜山镇's narrative; 公安局's figures jumped six-fold.
  await expect(row("来安县张山镇人民政府").locator('[data-field="warnings"]')).toContainText("雷同");
  await row("来安县公安局").getByText(/^提示/).click();
  await expect(row("来安县公安局").locator('[data-field="warnings"]')).toContainText("数字异动");

  // Filter: only what needs attention.
  await page.getByLabel("筛选").selectOption("attention");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/filter=attention/);
  await expect(row("来安县舜山镇人民政府")).toHaveCount(0);
  await expect(row("来安县教育体育局")).toBeVisible();

  // The board as Excel.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/来安县人民政府2025年度报告工作进度\.xlsx$/);

  // Roll-up → one figure → the units behind it.
  await page.getByRole("link", { name: "汇总表" }).click();
  await expect(page.getByRole("heading", { name: "来安县人民政府 2025年度政府信息公开工作年度报告汇总" })).toBeVisible();
  await expect(page.getByText("已发布报告 2 份")).toBeVisible();
  const penalty = page.locator('td[data-cell="active.penalty.decisions"]');
  await expect(penalty).toHaveText("210");
  await penalty.getByRole("link").click();
  await expect(page.getByRole("row", { name: /来安县人民政府 140/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /来安县舜山镇人民政府 70/ })).toBeVisible();
  await expect(page.locator('[data-field="total"]')).toHaveText("210");
});

test("a clerk cannot open the county's board", async ({ page }) => {
  await signIn(page.request, "leiguan-clerk", "Clerk-demo-2026");
  const response = await page.goto("/workspace/supervision/laian/2025");
  expect(response?.status()).toBe(404);
});
