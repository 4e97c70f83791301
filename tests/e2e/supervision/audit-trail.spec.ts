// The audit trail records what is exported and what is refused before it
// reaches any data: an auditor finds each in the audit log.
import { expect, test } from "@playwright/test";
import { signIn } from "../sign-in";

test("exports by staff and refused uploads are in the audit log", async ({ browser, baseURL }) => {
  const supervisor = await browser.newContext();
  await signIn(supervisor.request, "laian-supervisor", "Super-demo-2026");
  expect((await supervisor.request.get("/workspace/supervision/laian/2025/downloads/board.xlsx")).status()).toBe(200);
  expect((await supervisor.request.get("/workspace/supervision/laian/2025/downloads/rollup.csv")).status()).toBe(200);
  // An upload posted from another site with the user's cookie, and one far over the limit.
  const upload = { multipart: { organizationId: "00000000-0000-0000-0000-000000000000", file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("标题\n") } } };
  expect((await supervisor.request.post("/workspace/catalog/import/upload", { ...upload, headers: { origin: "https://evil.example" } })).status()).toBe(403);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.post("/workspace/catalog/import/upload", { ...upload, headers: { origin: baseURL! } })).status()).toBe(401);
  await supervisor.close();
  await anonymous.close();

  const auditor = await browser.newPage();
  await signIn(auditor.request, "auditor", "Audit-demo-2026");
  await auditor.goto("/audit?event=export.download");
  await expect(auditor.getByRole("row", { name: /laian-supervisor.*export\.download/ }).first()).toBeVisible();
  await auditor.goto("/audit?event=upload.refused");
  const refused = auditor.getByRole("row", { name: /upload\.refused/ });
  await expect(refused.filter({ hasText: '"reason":"origin"' }).filter({ hasText: "https://evil.example" })).toHaveCount(1);
  await expect(refused.filter({ hasText: '"reason":"no-session"' }).filter({ hasText: "(未登录)" })).toHaveCount(1);
});
