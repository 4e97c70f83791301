import { expect, test } from "@playwright/test";

const REPORT_URL = "/reports/laian-leiguan/2023";

test("on a 360 px phone the tables scroll in their own box, never the page", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(REPORT_URL);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(360);
  const box = page.getByRole("region", { name: "收到和处理政府信息公开申请情况", exact: true });
  const overflow = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, style: getComputedStyle(el).overflowX }));
  expect(overflow.style).toBe("auto");
  expect(overflow.scroll).toBeGreaterThan(overflow.client);
  // The scrolling box can be reached and scrolled with the keyboard.
  await box.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test("printing drops the site's navigation, breaks tables between rows and repeats their headers", async ({ page }) => {
  await page.goto(REPORT_URL);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header").first()).toBeHidden();
  await expect(page.getByRole("link", { name: "开放数据（JSON）" })).toBeHidden();
  const theadDisplay = await page.locator(".report-table thead").first().evaluate((el) => getComputedStyle(el).display);
  expect(theadDisplay).toBe("table-header-group");
  // A table starts where it is and breaks between rows (kept whole, a tall one left a page empty): documents.spec.ts prints it.
  const box = await page.locator(".report-table-box").first().evaluate((el) => {
    const style = getComputedStyle(el);
    return { overflow: style.overflowX, breakInside: style.breakInside };
  });
  expect(box).toEqual({ overflow: "visible", breakInside: "auto" });
  const row = await page.locator(".report-table tbody tr").first().evaluate((el) => getComputedStyle(el).breakInside);
  expect(row).toBe("avoid");
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});
