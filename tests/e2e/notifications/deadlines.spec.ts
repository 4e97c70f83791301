// The clerk of 示例县施官镇 (2023 published, 2024 and 2025 never started)
// sees what is owed first; the county's 主管部门 sends a 催报 from the board;
// the clerk finds it in the inbox, with the count in the header.
import { expect, test } from "@playwright/test";
import { signIn } from "../sign-in";

const clerk = { username: "shiguan-clerk", password: "Shiguan-clerk-2026" };
const thisYear = new Date().getUTCFullYear();

test("the clerk sees the overdue reports first, the oldest at the top, and the start form offers it", async ({ page }) => {
  await signIn(page.request, clerk.username, clerk.password);
  await page.goto("/workspace");
  const due = page.getByRole("region", { name: "示例县施官镇人民政府应公开的年度报告" }).locator("[data-due-year]");
  await expect(due.first()).toHaveAttribute("data-due-year", String(thisYear - 2));
  await expect(due.first()).toContainText(`${thisYear - 2}年度报告应于${thisYear - 1}年1月31日前公开，已逾期`);
  await expect(due.first()).toContainText("（尚未开始填报）");
  await expect(due.nth(1)).toHaveAttribute("data-due-year", String(thisYear - 1));
  // The year under way is offered ahead of time, never as the one due.
  await expect(due).toHaveCount(2);
  await expect(page.getByText(`${thisYear}年尚未结束，其年度报告可以提前填写`)).toBeVisible();
  await expect(page.getByLabel("年度", { exact: true })).toHaveValue(String(thisYear - 2));
  const todo = page.getByRole("region", { name: "待办" }).getByRole("listitem");
  await expect(todo.first()).toContainText(`应公开：示例县施官镇人民政府${thisYear - 2}年度报告（尚未开始填报），已逾期`);
});

test("催报 from the board reaches the clerk's inbox; the board shows it was sent", async ({ page, browser }) => {
  await signIn(page.request, "shili-supervisor", "Shili-super-2026");
  await page.goto(`/workspace/supervision/shili/${thisYear - 1}`);
  await page.getByLabel("催报示例县施官镇人民政府").check();
  await page.getByLabel("附言（可不填）").fill("请本周内完成");
  await page.getByRole("button", { name: "催报所选单位" }).click();
  await expect(page.getByText("已向 1 个单位的 2 位填报人和审核人催报。")).toBeVisible();
  await expect(page.getByRole("row", { name: /示例县施官镇人民政府/ }).locator('[data-field="remind"]')).toContainText("已催报");

  const clerkPage = await browser.newPage();
  await signIn(clerkPage.request, clerk.username, clerk.password);
  await clerkPage.goto("/workspace");
  const inbox = clerkPage.getByRole("link", { name: /^通知/ });
  await expect(inbox).toContainText("条未读");
  await inbox.click();
  const item = clerkPage.locator('[data-notification="REMINDER"]').first();
  await expect(item).toContainText(`催报：示例县施官镇人民政府${thisYear - 1}年度报告`);
  await expect(item).toContainText("附言：请本周内完成");
  await item.getByRole("button", { name: "标为已读" }).click();
  await expect(item).toContainText("已读");
  await clerkPage.close();
});
