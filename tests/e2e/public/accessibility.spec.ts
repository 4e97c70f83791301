import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

for (const path of ["/", "/reports/laian-leiguan/2023", "/units/laian-leiguan", "/regions/laian/2023", "/regions/laian/2023/compare", "/search?q=%E9%9B%B7%E5%AE%98&region=laian", "/no-such-page"]) {
  test(`no serious or critical accessibility violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("at 200 % zoom the report page reflows without sideways scrolling", async ({ page }) => {
  // 200 % zoom on a 1280 px window lays the page out in 640 CSS pixels.
  await page.setViewportSize({ width: 640, height: 800 });
  await page.goto("/reports/laian-leiguan/2023");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
});

test("older readers switch to larger text and back, without script", async ({ browser, page, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto("/reports/laian-leiguan/2023");
  await expect(noScript.locator("html")).not.toHaveClass(/text-large/);
  await noScript.getByRole("link", { name: "大字号" }).click();
  await expect(noScript).toHaveURL(/\/reports\/laian-leiguan\/2023$/);
  await expect(noScript.locator("html")).toHaveClass(/text-large/);
  await noScript.getByRole("link", { name: "标准字号" }).click();
  await expect(noScript.locator("html")).not.toHaveClass(/text-large/);
  await context.close();

  // The larger setting scales the whole page: 16 px → 20 px at the root.
  await page.context().addCookies([{ name: "text-size", value: "large", url: baseURL! }]);
  await page.goto("/reports/laian-leiguan/2023");
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("20px");
});

test("the report page is usable with the keyboard: skip link, then the downloads", async ({ page }) => {
  await page.goto("/reports/laian-leiguan/2023");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "跳到正文" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
