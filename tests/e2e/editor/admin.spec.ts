import { expect, test } from "@playwright/test";
import { demo, signIn } from "../sign-in";

test("an administrator creates a township and a clerk account, and the clerk can start its report", async ({ page, browser }) => {
  await signIn(page.request, demo.admin.username, demo.admin.password);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "系统管理" })).toBeVisible();

  await page.locator("summary", { hasText: "新建机构" }).click();
  await page.getByLabel("机关全称").fill("来安县独山乡人民政府");
  await page.getByLabel("简称").fill("独山乡");
  await page.getByLabel("网址标识（如 laian-leiguan）").fill("laian-dushan");
  await page.getByLabel(/上级人民政府/).selectOption({ label: "来安县人民政府" });
  await page.getByRole("button", { name: "新建机构" }).click();
  // The whole region's screen comes back (other specs may have just imported a register into it).
  await expect(page.getByRole("cell", { name: "laian-dushan" })).toBeVisible({ timeout: 20_000 });

  await page.locator("summary", { hasText: "新建账号" }).click();
  await page.getByLabel("用户名").fill("dushan-clerk");
  await page.getByLabel("姓名").fill("独山乡填报人");
  await page.getByLabel(/初始密码/).fill("weak");
  await page.getByRole("button", { name: "新建账号" }).click();
  await expect(page.getByText("密码至少8个字符")).toBeVisible();
  await expect(page.getByLabel("用户名")).toHaveValue("dushan-clerk");
  await page.getByLabel(/初始密码/).fill("Dushan-clerk-2026");
  await page.getByRole("button", { name: "新建账号" }).click();

  // Each account is managed on its own page.
  await page.getByRole("listitem").filter({ hasText: "独山乡填报人（dushan-clerk）" }).getByRole("link", { name: /管理/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "管理账号：独山乡填报人（dushan-clerk）" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: "独山乡填报人（dushan-clerk）" });
  // The first form gives content roles on any unit; the second 主管部门 or 管理员 at a government.
  await row.getByLabel("机构").first().selectOption({ label: "来安县独山乡人民政府" });
  await row.getByLabel("角色").first().selectOption({ label: "填报人" });
  await row.getByRole("button", { name: "分配角色" }).first().click();
  await expect(row).toContainText("独山乡 · 填报人");

  const clerk = await browser.newPage();
  await signIn(clerk.request, "dushan-clerk", "Dushan-clerk-2026");
  // The administrator knows that password: the clerk sets their own before anything else.
  await clerk.goto("/workspace");
  await expect(clerk).toHaveURL(/\/account\/password$/);
  await expect(clerk.getByText(/管理员设置的临时密码/)).toBeVisible();
  await clerk.getByLabel("当前密码").fill("Dushan-clerk-2026");
  await clerk.getByLabel("新密码").fill("Dushan-own-2026!");
  await clerk.getByRole("button", { name: "修改密码" }).click();
  await expect(clerk.getByText("密码已修改")).toBeVisible();
  await clerk.goto("/workspace");
  await expect(clerk.getByRole("heading", { level: 2, name: "来安县独山乡人民政府" })).toBeVisible();
  await expect(clerk.getByRole("button", { name: /开始填报\d{4}年度报告/ })).toBeVisible();
  await clerk.close();
});

test("a clerk cannot use the administration screen", async ({ page }) => {
  await signIn(page.request, demo.clerk.username, demo.clerk.password);
  await page.goto("/admin");
  await expect(page.getByText("只有管理员可以管理机构和账号。")).toBeVisible();
  await expect(page.getByRole("button", { name: "新建账号" })).toHaveCount(0);
});

test("a city's administrator manages only its region: it creates a township in one of its counties and moves it to another", async ({ page }) => {
  await signIn(page.request, "chuzhou-admin", "Admin-city-2026");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "本地区管理：滁州市人民政府" })).toBeVisible();
  // 黄山市 and the province are not its region.
  await expect(page.getByRole("rowheader", { name: "黟县人民政府" })).toHaveCount(0);
  await expect(page.getByRole("rowheader", { name: "安徽省人民政府" })).toHaveCount(0);

  await page.locator("summary", { hasText: "新建机构" }).click();
  await page.getByLabel("机关全称").fill("全椒县二郎口镇人民政府");
  await page.getByLabel("简称").fill("二郎口镇");
  await page.getByLabel("网址标识（如 laian-leiguan）").fill("quanjiao-erlangkou");
  const parent = page.getByLabel(/上级人民政府/);
  // Only its region's governments, and no root.
  await expect(parent.locator("option", { hasText: "黟县人民政府" })).toHaveCount(0);
  await expect(parent.locator("option", { hasText: "（无，作为最上级）" })).toHaveCount(0);
  await parent.selectOption({ label: "全椒县人民政府" });
  await page.getByRole("button", { name: "新建机构" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "全椒县二郎口镇人民政府" }) });
  await expect(row.locator('[data-field="parent"]')).toHaveText("全椒县人民政府");

  // 乡镇撤并: moved under 来安县 — the choices are the region's county governments only.
  const move = row.getByLabel(/新的上级单位/);
  await expect(move.locator("option", { hasText: "滁州市财政局" })).toHaveCount(0);
  await move.selectOption({ label: "来安县人民政府" });
  await row.getByRole("button", { name: "移动" }).click();
  await expect(row.locator('[data-field="parent"]')).toHaveText("来安县人民政府");
});
