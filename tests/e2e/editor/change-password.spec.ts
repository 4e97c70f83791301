import { expect, test } from "@playwright/test";
import { signIn } from "../sign-in";

test("a clerk changes their own password to a long passphrase from the workspace, and signs in with it", async ({ page, context }) => {
  await signIn(page.request, "xinan-passphrase", "Xinan-clerk-2026");
  await page.goto("/workspace");
  await page.getByRole("link", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("修改密码");
  await page.getByLabel("当前密码").fill("wrong-password");
  await page.getByLabel("新密码").fill("春风又绿江南岸，明月何时照我还乡");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确").first()).toBeVisible();
  // A passphrase of 16 characters or more is accepted whatever its character classes.
  await page.getByLabel("当前密码").fill("Xinan-clerk-2026");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改")).toBeVisible();

  await context.clearCookies();
  await signIn(page.request, "xinan-passphrase", "春风又绿江南岸，明月何时照我还乡");
  await page.goto("/workspace");
  await expect(page.getByRole("link", { name: "修改密码" })).toBeVisible();
});
