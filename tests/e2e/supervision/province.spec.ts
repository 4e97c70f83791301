// The province's 主管部门 supervises every level below it: from the province's
// board down through 滁州市 and 来安县 to one township's published report, and
// a 催报 to the units of a late county (全椒县), which reaches their clerks
// signed by the province. A county's 主管部门 cannot open the city's board.
import { expect, test } from "@playwright/test";
import { signIn } from "../sign-in";

test("the province drills down to a township's published report and reminds a late county's units", async ({ page }) => {
  await signIn(page.request, "anhui-supervisor", "Province-demo-2026");
  await page.goto("/workspace");
  await page.getByRole("listitem").filter({ hasText: "安徽省人民政府" }).getByRole("link", { name: "2025年度监督看板" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("安徽省人民政府 2025年度报告工作监督");

  // The cities as rows of counts, the province's own departments as units.
  const regions = page.getByRole("table", { name: /下级政府2025年度报告进度/ });
  await expect(regions.getByRole("row", { name: /滁州市人民政府/ })).toBeVisible();
  await expect(regions.getByRole("row", { name: /黄山市人民政府/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /安徽省财政厅/ })).toBeVisible();

  await regions.getByRole("link", { name: "滁州市人民政府" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("滁州市人民政府 2025年度报告工作监督");
  await expect(page.getByRole("navigation", { name: "上级看板" }).getByRole("link", { name: "安徽省人民政府" })).toBeVisible();
  await page.getByRole("table", { name: /下级政府/ }).getByRole("link", { name: "来安县人民政府" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("来安县人民政府 2025年度报告工作监督");
  await expect(page.getByRole("navigation", { name: "上级看板" })).toContainText("安徽省人民政府 › 滁州市人民政府 › 来安县人民政府");

  // 舜山镇 published its 2025 report on time: the province reads it.
  const shunshan = page.getByRole("row", { name: /来安县舜山镇人民政府/ });
  await expect(shunshan.locator('[data-field="days"]')).toHaveText("按时发布（2026年1月26日）");
  await shunshan.getByRole("link", { name: "来安县舜山镇人民政府" }).click();
  await expect(page.getByRole("heading", { name: "来安县舜山镇人民政府2025年政府信息公开工作年度报告" })).toBeVisible();

  // Back at the city's board: 全椒县 is late; remind its unpublished units from its own board.
  await page.goto("/workspace/supervision/chuzhou/2025");
  const quanjiao = page.getByRole("row", { name: /全椒县人民政府/ });
  await expect(quanjiao.locator('[data-field="overdue"]')).not.toHaveText("0");
  await quanjiao.getByRole("link", { name: "全椒县人民政府" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("全椒县人民政府 2025年度报告工作监督");
  const boxes = page.getByRole("checkbox", { name: /^催报/ });
  const count = await boxes.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i += 1) await boxes.nth(i).check();
  await page.getByLabel("附言（可不填）").fill("请于本周内完成");
  await page.getByRole("button", { name: "催报所选单位" }).click();
  await expect(page.getByText(new RegExp(`已向 ${count} 个单位`))).toBeVisible();
  // Reminded today: no second 催报 is offered.
  await expect(page.getByRole("checkbox", { name: /^催报/ })).toHaveCount(0);
});

test("a county's 主管部门 cannot open its city's or a neighbouring county's board", async ({ page }) => {
  await signIn(page.request, "laian-supervisor", "Super-demo-2026");
  for (const path of ["/workspace/supervision/chuzhou/2025", "/workspace/supervision/quanjiao/2025", "/workspace/supervision/anhui/2025/rollup"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});
