import { expect, test } from "@playwright/test";

for (const path of ["/", "/reports/laian-leiguan/2023", "/reports/laian-leiguan/2023.json", "/login", "/no-such-page"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["content-security-policy"]).toContain("base-uri 'self'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

test("pages run under the policy without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/reports/laian-leiguan/2023");
  await page.goto("/login");
  await page.getByLabel("用户名").fill("leiguan-clerk");
  expect(violations).toEqual([]);
});
