import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "../sign-in";

// Each test works on its own year of 雷官镇's reports, so they can run in parallel.
async function startReport(page: Page, year: number) {
  await signIn(page.request, demo.clerk.username, demo.clerk.password);
  await page.goto("/workspace");
  await page.getByLabel("年度", { exact: true }).selectOption(String(year));
  await page.getByRole("button", { name: `开始填报${year}年度报告` }).click();
  await expect(page).toHaveURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`来安县雷官镇人民政府${year}年度报告`);
}

const input = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });
const output = (page: Page, name: string) => page.locator(`output[aria-label="${name}"]`);
const saveStatus = (page: Page) => page.locator("[data-save-status]");
const savedVersion = async (page: Page) => Number(await saveStatus(page).getAttribute("data-version"));

/** Waits until what was typed since `before` (a saved version) has been saved. */
async function savedSince(page: Page, before: number) {
  await expect.poll(() => savedVersion(page), { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(saveStatus(page)).toHaveAttribute("data-save-status", "saved", { timeout: 15_000 });
  await expect(saveStatus(page)).toHaveText(/^已保存 \d\d:\d\d$/);
}

test("a clerk fills table 三, sees totals and an R1 error, fixes it, and finds it all saved after reloading", async ({ page }) => {
  await startReport(page, 2025);
  const before = await savedVersion(page);
  await input(page, "一、本年新收政府信息公开申请数量 自然人").fill("3");
  await input(page, "（一）予以公开 自然人").fill("2");
  await input(page, "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 商业企业").fill("1");
  await input(page, "一、本年新收政府信息公开申请数量 商业企业").fill("1");

  await expect(output(page, "一、本年新收政府信息公开申请数量 总计")).toHaveText("4");
  await expect(output(page, "（七）总计 自然人")).toHaveText("2");
  await expect(output(page, "（七）总计 总计")).toHaveText("3");
  const r1 = "第一项加第二项之和应等于第三项加第四项之和：自然人列 3 + 0 ≠ 2 + 0";
  await expect(page.getByText(r1).first()).toBeVisible();
  // The message sits at the cell it concerns, as the input's description.
  await expect(input(page, "一、本年新收政府信息公开申请数量 自然人")).toHaveAccessibleDescription(new RegExp(r1.replace(/[+]/g, "\\+")));

  await input(page, "四、结转下年度继续办理 自然人").fill("1");
  await expect(page.getByText(r1)).toHaveCount(0);
  await page.getByLabel("一、总体情况（正文）").fill("（一）主动公开\n本年主动公开信息12条。");
  await savedSince(page, before);

  await page.reload();
  await expect(input(page, "一、本年新收政府信息公开申请数量 自然人")).toHaveValue("3");
  await expect(input(page, "四、结转下年度继续办理 自然人")).toHaveValue("1");
  await expect(output(page, "一、本年新收政府信息公开申请数量 总计")).toHaveText("4");
  await expect(page.getByLabel("一、总体情况（正文）")).toHaveValue("（一）主动公开\n本年主动公开信息12条。");
  await expect(page.getByText(r1)).toHaveCount(0);
});

test("a negative number gets a message at its cell and nothing else is lost", async ({ page }) => {
  await startReport(page, 2024);
  const before = await savedVersion(page);
  await input(page, "行政许可 本年处理决定数量").fill("５８");
  await page.getByLabel("五、存在的主要问题及改进情况（正文）").fill("一是公开内容不够全面。");
  await savedSince(page, before);
  const afterFirstSave = await savedVersion(page);

  const penalty = input(page, "行政处罚 本年处理决定数量");
  await penalty.fill("-5");
  await expect(penalty).toHaveAccessibleDescription(/不能为负数/);
  await expect(penalty).toHaveAttribute("aria-invalid", "true");
  await input(page, "行政强制 本年处理决定数量").fill("1e9");
  await expect(input(page, "行政强制 本年处理决定数量")).toHaveAccessibleDescription(/请输入非负整数/);
  await expect(penalty).toHaveValue("-5");
  await expect(input(page, "行政许可 本年处理决定数量")).toHaveValue("５８");
  await expect(page.getByLabel("五、存在的主要问题及改进情况（正文）")).toHaveValue("一是公开内容不够全面。");

  // The server refuses it too, naming the cell, when the clerk insists on saving.
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("有输入不符合要求，未保存")).toBeVisible();

  await penalty.fill("35");
  await input(page, "行政强制 本年处理决定数量").fill("10");
  await savedSince(page, afterFirstSave);
  await page.reload();
  await expect(input(page, "行政许可 本年处理决定数量")).toHaveValue("58");
  await expect(penalty).toHaveValue("35");
});

test("a row of table 三 can be filled with the keyboard alone", async ({ page }) => {
  await startReport(page, 2022);
  await input(page, "一、本年新收政府信息公开申请数量 自然人").focus();
  for (const digit of ["1", "2", "0", "0", "1", "1"]) {
    await page.keyboard.type(digit);
    await page.keyboard.press("Tab");
  }
  await expect(input(page, "一、本年新收政府信息公开申请数量 其他")).toHaveValue("1");
  await expect(input(page, "一、本年新收政府信息公开申请数量 科研机构")).toHaveValue("0");
  await expect(output(page, "一、本年新收政府信息公开申请数量 总计")).toHaveText("5");
  // Tab leaves the row for the next row's first input, skipping the computed total.
  await expect(input(page, "二、上年结转政府信息公开申请数量 自然人")).toBeFocused();
});

test("a 2019 report is filled in the trial format: 本年增/减 takes a sign, a count does not", async ({ page }) => {
  await startReport(page, 2019);
  await expect(page.getByRole("columnheader", { name: "本年增/减" }).first()).toBeVisible();
  const before = await savedVersion(page);
  const change = input(page, "行政许可 本年增/减");
  await change.fill("-2");
  await expect(change).toHaveAttribute("aria-invalid", "false");
  const decisions = input(page, "行政许可 处理决定数量");
  await decisions.fill("-1");
  await expect(decisions).toHaveAccessibleDescription(/不能为负数/);
  await decisions.fill("58");
  await input(page, "政府集中采购 采购总金额（单位：万元）").fill("26.55");
  await savedSince(page, before);
  await page.reload();
  await expect(input(page, "行政许可 本年增/减")).toHaveValue("-2");
  await expect(input(page, "政府集中采购 采购总金额（单位：万元）")).toHaveValue("26.55");
});

test("the editor has no serious or critical accessibility violation", async ({ page }) => {
  await startReport(page, 2021);
  await input(page, "行政处罚 本年处理决定数量").fill("-1");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("two people on one draft: the stale save is refused, both texts are shown, and the merge is saved", async ({ browser }) => {
  const first = await browser.newPage();
  await startReport(first, 2026);
  const url = first.url();
  const second = await browser.newPage();
  await signIn(second.request, demo.clerk.username, demo.clerk.password);
  await second.goto(url);

  await first.getByLabel("六、其他需要报告的事项（正文）").fill("甲：本年度未收取信息处理费。");
  await savedSince(first, 1);
  await second.getByLabel("六、其他需要报告的事项（正文）").fill("乙：无。");

  const conflict = second.getByRole("alert").filter({ hasText: "保存冲突" });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict).toContainText("甲：本年度未收取信息处理费。");
  await expect(conflict).toContainText("乙：无。");
  await expect(second.getByLabel("六、其他需要报告的事项（正文）")).toHaveValue("乙：无。");

  await second.getByLabel("六、其他需要报告的事项（正文）").fill("甲：本年度未收取信息处理费。乙：无。");
  await conflict.getByRole("button", { name: "保存合并后的版本" }).click();
  await savedSince(second, 2);
  await first.reload();
  await expect(first.getByLabel("六、其他需要报告的事项（正文）")).toHaveValue("甲：本年度未收取信息处理费。乙：无。");
  await first.close();
  await second.close();
});

test("another township's clerk cannot open 雷官镇's reports in the editor", async ({ page, browser }) => {
  await signIn(page.request, demo.clerk.username, demo.clerk.password);
  await page.goto("/workspace");
  await page.getByRole("link", { name: "2023年度报告", exact: true }).click();
  await expect(page).toHaveURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByText("本报告当前不可编辑（只读）。")).toBeVisible();
  const other = await browser.newPage();
  await signIn(other.request, demo.otherClerk.username, demo.otherClerk.password);
  const response = await other.goto(page.url());
  expect(response?.status()).toBe(404);
  await other.close();
});

test("input typed just before the tab closed comes back and is saved", async ({ page, context }) => {
  // 新安镇's imported 2023 draft, which no other test edits.
  await signIn(page.request, demo.otherClerk.username, demo.otherClerk.password);
  await page.goto("/workspace");
  await page.getByRole("link", { name: "2023年度报告", exact: true }).click();
  await expect(page).toHaveURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);
  const url = page.url();
  await page.getByLabel("落款", { exact: true }).fill("新安镇人民政府（关闭前输入）");
  await page.close(); // before the autosave had a chance to run

  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByText("已恢复上次未保存的输入。")).toBeVisible();
  await expect(again.getByLabel("落款", { exact: true })).toHaveValue("新安镇人民政府（关闭前输入）");
  await expect(saveStatus(again)).toHaveAttribute("data-save-status", "saved", { timeout: 15_000 });
  await again.reload();
  await expect(again.getByLabel("落款", { exact: true })).toHaveValue("新安镇人民政府（关闭前输入）");
});

test("typing fast on a slow PC loses no keystroke: every digit lands, in order, and is saved", async ({ page, context }) => {
  // 新安镇's 2021 report, which no other test starts.
  await signIn(page.request, demo.otherClerk.username, demo.otherClerk.password);
  await page.goto("/workspace");
  await page.getByLabel("年度", { exact: true }).selectOption("2021");
  await page.getByRole("button", { name: "开始填报2021年度报告" }).click();
  await expect(page).toHaveURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  const before = await savedVersion(page);
  const cell = input(page, "行政处罚 本年处理决定数量");
  await cell.click();
  await cell.press("Control+A");
  // No pause between keys: each keystroke arrives while the checks of the last one may still be running.
  await page.keyboard.type("908172", { delay: 0 });
  await expect(cell).toHaveValue("908172");
  const other = input(page, "一、本年新收政府信息公开申请数量 自然人");
  await other.click();
  await other.press("Control+A");
  await page.keyboard.type("4321", { delay: 0 });
  await expect(other).toHaveValue("4321");
  await expect(output(page, "一、本年新收政府信息公开申请数量 总计")).toHaveText("4321");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await savedSince(page, before);
  await page.reload();
  await expect(input(page, "行政处罚 本年处理决定数量")).toHaveValue("908172");
  await expect(input(page, "一、本年新收政府信息公开申请数量 自然人")).toHaveValue("4321");
});
