import path from "node:path";
import { expect, test } from "@playwright/test";
import { demo, signIn } from "../sign-in";

// 新安镇's 2025 report, which no other spec starts: from a GBK text export with Windows line ends.
test("a clerk starts a report from a file: preview in the official layout, confirm another unit's title, then edit the draft", async ({ page }) => {
  await signIn(page.request, demo.otherClerk.username, demo.otherClerk.password);
  await page.goto("/workspace");
  const panel = page.getByRole("region", { name: "从文件导入" });
  await panel.getByLabel("导入年度").selectOption("2025");
  await panel.getByLabel("报告文件").setInputFiles(path.resolve("tests/fixtures/import/leiguan-2023.gbk-crlf.txt"));
  await panel.getByRole("button", { name: "预览" }).click();

  const preview = panel.getByLabel("导入预览");
  await expect(preview).toContainText("文件：leiguan-2023.gbk-crlf.txt（纯文本（GB18030（GBK）））");
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("来安县雷官镇人民政府2023年政府信息公开工作年度报告");
  await expect(preview.locator('td[data-cell="active.license.decisions"]')).toHaveText("58");
  await expect(preview).toContainText("与指定的2025年度不符");
  await page.screenshot({ path: test.info().outputPath("import-preview.png"), fullPage: true });

  // Nothing is saved before the clerk confirms; another year's title needs an explicit confirmation.
  const confirm = preview.getByRole("button", { name: "确认导入为草稿" });
  await expect(confirm).toBeDisabled();
  await preview.getByLabel(/我已核对/).check();
  await confirm.click();
  await expect(page).toHaveURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("来安县新安镇人民政府2025年度报告");
  await expect(page.getByRole("textbox", { name: "行政许可 本年处理决定数量", exact: true })).toHaveValue("58");
  // The editor checks it like any draft: the title names another unit and year.
  await expect(page.getByLabel("标题", { exact: true })).toHaveAccessibleDescription(/标题应为/);
});
