import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../sign-in";

const clerk = { username: "banta-clerk", password: "Banta-clerk-2026" };
const reviewer = { username: "banta-reviewer", password: "Banta-review-2026" };
const PUBLIC_URL = "/reports/laian-banta/2025";
const LICENSE = "行政许可 本年处理决定数量";

const input = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });
const saveStatus = (page: Page) => page.locator("[data-save-status]");

async function savedSince(page: Page, before: number) {
  await expect.poll(async () => Number(await saveStatus(page).getAttribute("data-version")), { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(saveStatus(page)).toHaveAttribute("data-save-status", "saved", { timeout: 15_000 });
}

async function setLicenseAndSave(page: Page, value: string) {
  const before = Number(await saveStatus(page).getAttribute("data-version"));
  await input(page, LICENSE).fill(value);
  await savedSince(page, before);
}

/** The citizen's view: a fresh browser context, no session. */
async function publicLicense(page: Page) {
  const cell = page.locator('td[data-cell="active.license.decisions"]');
  return (await cell.textContent())?.trim();
}

test("clerk submits, reviewer returns with a comment on a cell, clerk fixes, reviewer approves and publishes; a correction stays private until published", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const clerkPage = await browser.newPage();
  const reviewerPage = await browser.newPage();
  const citizen = await browser.newPage();
  await signIn(clerkPage.request, clerk.username, clerk.password);
  await signIn(reviewerPage.request, reviewer.username, reviewer.password);

  // 1. The clerk fills in and submits.
  await clerkPage.goto("/workspace");
  await clerkPage.getByLabel("年度", { exact: true }).selectOption("2025");
  await clerkPage.getByRole("button", { name: "开始填报2025年度报告" }).click();
  await expect(clerkPage).toHaveURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);
  const reportUrl = clerkPage.url();
  await clerkPage.getByRole("button", { name: "将空白单元格填为 0" }).click();
  await clerkPage.getByLabel("一、总体情况（正文）").fill("（一）主动公开\n本年主动公开政府信息40条。");
  await clerkPage
    .getByLabel("五、存在的主要问题及改进情况（正文）")
    .fill("一是信息更新不够及时的问题仍然存在。\n下一步将加强培训，改进信息发布流程。");
  await clerkPage.getByLabel("六、其他需要报告的事项（正文）").fill("无");
  await clerkPage.getByLabel("落款日期", { exact: true }).fill("2026-01-20");
  await setLicenseAndSave(clerkPage, "12");
  await clerkPage.getByRole("button", { name: "提交审核" }).click();
  await expect(clerkPage.getByText("已提交，等待审核人审核。")).toBeVisible();
  expect((await citizen.goto(PUBLIC_URL))?.status()).toBe(404);

  // 2. The reviewer finds it in 待办 and returns it with a comment on a cell.
  await reviewerPage.goto("/workspace");
  await reviewerPage.getByRole("link", { name: "待审核：来安县半塔镇人民政府2025年度报告" }).click();
  await expect(reviewerPage.getByRole("heading", { name: "首次提交" })).toBeVisible();
  // The reviewer comments where they read: on the cell in the report itself, with the keyboard.
  await reviewerPage.getByRole("button", { name: new RegExp(`^对“${LICENSE}”提意见`) }).focus();
  await reviewerPage.keyboard.press("Enter");
  const comment = reviewerPage.getByRole("textbox", { name: new RegExp(`^意见1\\s*（针对${LICENSE}）$`) });
  await expect(comment).toBeFocused();
  await expect(reviewerPage.getByText(`意见1针对：${LICENSE}`)).toBeVisible();
  await comment.fill("数量与台账不符，应为13件");
  await reviewerPage.getByRole("button", { name: "退回" }).click();
  // The page says what happened and what happens next, and the report reads 已退回 until it is resubmitted.
  await expect(reviewerPage.getByRole("status").filter({ hasText: "已退回给填报人 banta-clerk；修改后重新提交" })).toBeVisible();
  await expect(reviewerPage.getByText("状态：已退回")).toBeVisible();

  // 3. The clerk sees it returned in the workspace, the comment beside the cell, fixes it and resubmits.
  await clerkPage.goto("/workspace");
  await expect(clerkPage.getByRole("row", { name: /2025年度报告/ }).getByRole("cell", { name: "已退回" })).toBeVisible();
  await clerkPage.goto(reportUrl);
  await expect(clerkPage.getByText("已退回：请按审核人的意见修改后重新提交。")).toBeVisible();
  await expect(clerkPage.getByRole("heading", { name: "审核人退回意见" })).toBeVisible();
  await expect(input(clerkPage, LICENSE)).toHaveAccessibleDescription(/退回意见：数量与台账不符，应为13件/);
  // Following the comment brings the cell into view below the sticky save bar, with focus in it.
  await clerkPage.locator("section", { has: clerkPage.getByRole("heading", { name: "审核人退回意见" }) }).getByRole("link", { name: LICENSE }).click();
  await expect(input(clerkPage, LICENSE)).toBeFocused();
  const bar = await clerkPage.locator("[data-save-status]").evaluate((el) => el.closest(".sticky")!.getBoundingClientRect().bottom);
  const cell = await input(clerkPage, LICENSE).evaluate((el) => el.getBoundingClientRect());
  expect(cell.top).toBeGreaterThan(bar);
  expect(cell.bottom).toBeLessThan(await clerkPage.evaluate(() => window.innerHeight));
  await setLicenseAndSave(clerkPage, "13");
  await clerkPage.getByRole("button", { name: "提交审核" }).click();
  await expect(clerkPage.getByText("已提交，等待审核人审核。")).toBeVisible();

  // 4. The reviewer sees what changed, approves and publishes.
  await reviewerPage.goto(`${reportUrl}/review`);
  await expect(reviewerPage.getByRole("heading", { name: "与第1版相比的修改" })).toBeVisible();
  const change = reviewerPage
    .locator("section", { has: reviewerPage.getByRole("heading", { name: "与第1版相比的修改" }) })
    .getByRole("row", { name: new RegExp(LICENSE) });
  await expect(change).toContainText("12");
  await expect(change).toContainText("13");
  await reviewerPage.getByRole("button", { name: "审核通过并发布" }).click();
  await expect(reviewerPage.getByRole("status").filter({ hasText: "已审核通过并发布；公众现在可以看到这份报告。" })).toBeVisible();
  await expect(reviewerPage.getByText("状态：已发布")).toBeVisible();

  // 5. A citizen sees the new version with its catalog details.
  await citizen.goto(PUBLIC_URL);
  expect(await publicLicense(citizen)).toBe("13");
  await expect(citizen.locator('[data-field="索引号"]')).toHaveText(/^113411220032503174\/\d{4}-\d{5}$/);
  await expect(citizen.locator('[data-field="组配分类"]')).toHaveText("政府信息公开年报");

  // 6. A correction: the draft stays private until it is approved and published.
  await clerkPage.goto(reportUrl);
  await clerkPage.getByLabel("更正原因").fill("行政许可数量统计有误");
  await clerkPage.getByRole("button", { name: "发起更正" }).click();
  await expect(clerkPage.getByText("正在更正已发布的报告。更正原因：行政许可数量统计有误")).toBeVisible();
  await setLicenseAndSave(clerkPage, "14");
  await citizen.reload();
  expect(await publicLicense(citizen)).toBe("13");

  await clerkPage.getByRole("button", { name: "提交审核" }).click();
  await expect(clerkPage.getByText("已提交，等待审核人审核。")).toBeVisible();
  await citizen.reload();
  expect(await publicLicense(citizen)).toBe("13");
  await reviewerPage.goto(`${reportUrl}/review`);
  await reviewerPage.getByRole("button", { name: "审核通过并发布" }).click();
  await expect(reviewerPage.getByText("状态：已发布")).toBeVisible();

  await citizen.reload();
  expect(await publicLicense(citizen)).toBe("14");
  const record = citizen.getByRole("region", { name: "更正记录" });
  await expect(record).toContainText("更正：行政许可数量统计有误");
  // Public editions count publications only: the returned submission is not a 版 of its own.
  await record.getByRole("link", { name: "查看第1版" }).click();
  await expect(citizen).toHaveURL(/\/reports\/laian-banta\/2025\/revisions\/1$/);
  await expect(citizen.getByText("这是已被更正的第1版。")).toBeVisible();
  expect(await publicLicense(citizen)).toBe("13");
});
