import { expect, test } from "@playwright/test";
import { demo, signIn } from "../sign-in";

// 新安镇's 2024 report, started from its 2023 draft (the sample's text), which no other spec starts.
test("a clerk who kept last year's text sees R8 and a stale year beside the paragraph, and fixes them", async ({ page }) => {
  await signIn(page.request, demo.otherClerk.username, demo.otherClerk.password);
  await page.goto("/workspace");
  await page.getByLabel("年度", { exact: true }).selectOption("2024");
  await expect(page.getByLabel(/以2023年度报告为基础/)).toBeChecked();
  await page.getByRole("button", { name: "开始填报2024年度报告" }).click();
  await expect(page).toHaveURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);

  // The tables change (3 applications received, all granted); the text still speaks of 2023.
  await page.getByRole("textbox", { name: "一、本年新收政府信息公开申请数量 自然人", exact: true }).fill("3");
  await page.getByRole("textbox", { name: "（一）予以公开 自然人", exact: true }).fill("3");

  const overview = page.getByLabel("一、总体情况（正文）");
  const findings = page.locator("#field-section-overview-findings");
  const r8 = findings.getByRole("listitem").filter({ hasText: "正文数字与表格不一致" }).filter({ hasText: "没有收到" });
  await expect(r8).toHaveCount(1);
  await expect(r8).toContainText("3");
  const stale = findings.getByRole("listitem").filter({ hasText: "年份可能沿用上年" }).filter({ hasText: "没有收到" });
  await expect(stale).toHaveCount(1);
  await expect(stale.locator("mark")).toHaveText("2023年");
  // The findings describe the text area they are about, for screen readers too.
  await expect(overview).toHaveAccessibleDescription(/正文中的数字应与表格一致/);
  // The summary names the rule in Chinese, never by its id, and links to the finding.
  const summary = page.locator("section[aria-labelledby=findings-heading]");
  await expect(summary.getByRole("link", { name: /提示（正文数字与表格不一致）/ })).toHaveCount(1);
  await expect(summary).not.toContainText("（R8）");
  await expect(summary).not.toContainText("stale-year");
  await page.screenshot({ path: test.info().outputPath("narrative-findings.png"), fullPage: false });

  const text = await overview.inputValue();
  const wrong = "2.受理情况分析。2023年，我镇没有收到书面或其他形式要求公开政府信息的申请。";
  expect(text).toContain(wrong);
  await overview.fill(text.replace(wrong, "2.受理情况分析。2024年，我镇收到政府信息公开申请3件，均予以公开。"));
  await expect(r8).toHaveCount(0);
  await expect(stale).toHaveCount(0);
  await expect(findings.getByRole("listitem").filter({ hasText: "收到政府信息公开申请3件" })).toHaveCount(0);

  // What is left must be explained before submitting; the panel and the summary count alike.
  const heading = await summary.getByRole("heading").innerText();
  const blocking = Number(/阻断性错误 (\d+) 项/.exec(heading)![1]);
  if (blocking > 0) await expect(page.getByText(`存在 ${blocking} 项阻断性错误`)).toBeVisible();
  else await expect(page.getByText(/存在 \d+ 项阻断性错误/)).toHaveCount(0);
});
