import { expect, test } from "@playwright/test";

test("a wrong password is refused with a message; the right one opens the workspace", async ({ page }) => {
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fworkspace|\/login\?callbackUrl=\/workspace/);
  await page.getByLabel("用户名").fill("xinan-clerk");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toBeVisible();
  await expect(page.getByLabel("用户名")).toHaveValue("xinan-clerk");

  await page.getByLabel("密码").fill("Clerk-demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByRole("heading", { level: 1, name: "我的报告" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "来安县新安镇人民政府" })).toBeVisible();
  await expect(page.getByText(/年度报告应于.*前公开/).first()).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login/);
});

test("signing in returns you to the page you were sent from, and only to a page of this site", async ({ page, browser }) => {
  await page.goto("/workspace/catalog/import");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fworkspace%2Fcatalog%2Fimport$/);
  await page.getByLabel("用户名").fill("xinan-clerk");
  await page.getByLabel("密码").fill("Clerk-demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/workspace\/catalog\/import$/);

  const other = await browser.newPage();
  await other.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await other.getByLabel("用户名").fill("xinan-clerk");
  await other.getByLabel("密码").fill("Clerk-demo-2026");
  await other.getByRole("button", { name: "登录" }).click();
  await expect(other).toHaveURL(/127\.0\.0\.1:\d+\/workspace$/);
  await other.close();
});
