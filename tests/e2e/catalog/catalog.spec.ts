import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../sign-in";

// 水口镇 is this spec's own (scripts/e2e.ts gives it a clerk and a reviewer); it has no reports yet.
const clerk = { username: "shuikou-clerk", password: "Shuikou-clerk-2026" };
const reviewerAccount = { username: "shuikou-reviewer", password: "Shuikou-review-2026" };
const YEAR = 2023;

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a clerk drafts an item, a reviewer publishes it, and its count goes from the report editor's panel into table 二", async ({ page, browser }) => {
  const title = `水口镇行政许可决定公示（端到端测试${Date.now()}）`;
  await signIn(page.request, clerk.username, clerk.password);
  await page.goto("/workspace/catalog");
  await page.getByRole("link", { name: "新建信息" }).click();
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("信息类别").selectOption("license");
  await page.getByLabel(/原发布日期/).fill(`${YEAR}-06-01 10:00`);
  await page.getByRole("button", { name: "保存为草稿" }).click();
  await expect(page).toHaveURL(/\/workspace\/catalog\/items\/[0-9a-f-]{36}$/);
  const itemUrl = page.url();
  await expectNoSeriousViolations(page);

  // Attachments go up beside the form without leaving the page; a wrong type is refused with the reason.
  const fileInput = page.getByLabel(/上传附件/);
  await fileInput.setInputFiles({ name: "页面.html", mimeType: "text/html", buffer: Buffer.from("<script>alert(1)</script>") });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByText(/不支持该文件类型/)).toBeVisible();
  await fileInput.setInputFiles({ name: "许可决定书.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%%EOF\n") });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByText("已上传：许可决定书.pdf")).toBeVisible();
  await expect(page.getByRole("link", { name: "许可决定书.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("状态：待审核")).toBeVisible();

  // The clerk's draft is nowhere public yet.
  await page.goto(`/catalog/laian-shuikou?q=${encodeURIComponent(title)}`);
  await expect(page.getByText("没有找到符合条件的信息。")).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await page.goto(itemUrl);

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer.request, reviewerAccount.username, reviewerAccount.password);
  await reviewer.goto(itemUrl);
  await reviewer.getByRole("button", { name: "审核通过并发布" }).click();
  await expect(reviewer.getByText("状态：已发布")).toBeVisible();
  await reviewer.getByRole("link", { name: "查看公开页面" }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reviewer.locator('[data-field="索引号"]')).toHaveText(new RegExp(`^113411220032504029/${YEAR}-\\d{5}$`));
  await expect(reviewer.locator('[data-field="发布日期"]')).toHaveText(`${YEAR}年6月1日`);
  const attachmentHref = await reviewer.getByRole("link", { name: "许可决定书.pdf" }).getAttribute("href");
  const download = await reviewer.request.get(attachmentHref!);
  expect(download.headers()).toMatchObject({
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent("许可决定书.pdf")}`,
    "x-content-type-options": "nosniff",
    // Its own sandboxing policy, not the site's.
    "content-security-policy": "default-src 'none'; sandbox",
  });
  await reviewerContext.close();

  await page.goto("/workspace");
  await page.getByLabel("年度", { exact: true }).selectOption(String(YEAR));
  await page.getByRole("button", { name: `开始填报${YEAR}年度报告` }).click();
  await expect(page).toHaveURL(/\/workspace\/reports\/[0-9a-f-]{36}$/);
  const panel = page.getByRole("region", { name: `信息公开目录统计（${YEAR}年）` });
  const licenseRow = panel.getByRole("row", { name: /^行政许可/ });
  await expect(licenseRow.getByRole("link", { name: "1", exact: true })).toBeVisible();
  await licenseRow.getByRole("button", { name: "将1填入表二“行政许可 本年处理决定数量”" }).click();
  const cell = page.getByRole("textbox", { name: "行政许可 本年处理决定数量", exact: true });
  await expect(cell).toHaveValue("1");
  await expect(page.locator("[data-save-status]")).toHaveAttribute("data-save-status", "saved", { timeout: 15_000 });
  await page.reload();
  await expect(cell).toHaveValue("1");
  await expect(panel.getByRole("row", { name: /^行政许可/ }).getByText("与报告一致")).toBeAttached();

  // The count's link lists the item behind it.
  await licenseRow.getByRole("link", { name: "1", exact: true }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("the public catalog: 雷官镇's 2023 figures match its report, search finds 文号, pages are accessible and fit a phone", async ({ page }) => {
  await page.goto("/catalog/laian-leiguan/stats/2023");
  const proactive = page.getByRole("table", { name: /2023年主动公开信息/ });
  await expect(proactive.getByRole("row", { name: /^合计/ })).toContainText("528");
  await expect(proactive.getByRole("row", { name: /基础信息/ })).toContainText("346");
  await expect(proactive.getByRole("row", { name: /两化/ })).toContainText("182");
  await expect(proactive.getByRole("row", { name: /^行政处罚/ })).toContainText("35");
  await expectNoSeriousViolations(page);

  await page.goto("/catalog?q=%E9%9B%B7%E6%94%BF%E3%80%942022%E3%80%952%E5%8F%B7"); // 雷政〔2022〕2号
  await page.getByRole("link", { name: "雷官镇农村人居环境整治长效管护办法" }).click();
  await expect(page.locator('[data-field="文号"]')).toHaveText("雷政〔2022〕2号");
  await expect(page.locator('[data-field="有效性"]')).toHaveText("已废止（2022年12月20日）");
  await expectNoSeriousViolations(page);

  for (const path of ["/catalog", "/catalog/laian-leiguan?category=penalty&year=2023"]) {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoSeriousViolations(page);
  }
  const json = await (await page.request.get("/catalog/laian-leiguan/index.json?year=2023&category=penalty")).json();
  expect(json).toMatchObject({ schema: "nianbao.catalog/1", count: 35, truncated: false });
  const csv = await page.request.get("/catalog/laian-leiguan/index.csv?year=2023&category=penalty");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(2 + 35);
  // Revalidation answers 304 while nothing in the unit's catalog changed.
  const etag = csv.headers()["etag"]!;
  expect(etag).toMatch(/^"catalog-\d+-\d+-csv-penalty-2023"$/);
  const again = await page.request.get("/catalog/laian-leiguan/index.csv?year=2023&category=penalty", { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
});
