// An XSS corpus in the text people type runs no script: report text shown in
// the official layout (the import preview renders it as the public page
// does), and search terms echoed back on public pages.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "../sign-in";

const CORPUS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload="window.__xss=3">',
  "<a href=\"javascript:window.__xss=4\">链接</a>",
  "<iframe srcdoc=\"<script>parent.__xss=5</script>\"></iframe>",
  "{{constructor.constructor('window.__xss=6')()}}",
];

async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  };
}

test("report text full of markup is shown as text and runs nothing", async ({ page }) => {
  const noScript = await watch(page);
  const sample = readFileSync("prisma/demo/leiguan-2023.txt", "utf8");
  const poisoned = sample
    .replace("来安县雷官镇人民政府2023年政府信息公开工作年度报告", `来安县新安镇人民政府2022年政府信息公开工作年度报告${CORPUS[1]}`)
    .replace("（一）主动公开\n", `（一）主动公开\n${CORPUS.join("\n")}\n`)
    .replace("六、其他需要报告的事项\n", `六、其他需要报告的事项\n${CORPUS.slice(2).join("")}\n`);
  await signIn(page.request, demo.otherClerk.username, demo.otherClerk.password);
  await page.goto("/workspace");
  const panel = page.getByRole("region", { name: "从文件导入" });
  // 2022: a year no other spec gives 新安镇.
  await panel.getByLabel("导入年度").selectOption("2022");
  await panel.getByLabel("报告文件").setInputFiles({ name: "报告.txt", mimeType: "text/plain", buffer: Buffer.from(poisoned) });
  await panel.getByRole("button", { name: "预览" }).click();
  const preview = panel.getByLabel("导入预览");
  await expect(preview.getByRole("heading", { level: 1 })).toContainText('<img src=x onerror="window.__xss=2">');
  for (const payload of CORPUS) await expect(preview.getByText(payload, { exact: false }).first()).toBeVisible();
  await expect(preview.locator("script, img[onerror], svg[onload], iframe")).toHaveCount(0);
  await noScript();
});

test("search terms are echoed as text on the public search pages", async ({ page }) => {
  const noScript = await watch(page);
  for (const payload of CORPUS) {
    await page.goto(`/search?q=${encodeURIComponent(payload)}`);
    await expect(page.getByLabel("单位名称")).toHaveValue(payload.slice(0, 50));
    await page.goto(`/catalog?q=${encodeURIComponent(payload)}`);
    await expect(page.getByLabel("标题或文号")).toHaveValue(payload.trim().slice(0, 50));
  }
  await noScript();
});
