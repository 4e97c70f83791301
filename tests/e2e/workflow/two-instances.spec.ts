// Two app instances against one database, as behind a load balancer: both
// serve the published page from their own cache, and a correction published
// through one instance is served by the other within 5 s, with no restart.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "../sign-in";

const PAGE = "/reports/laian-shuikou/2024";
const secondPort = Number(process.env.E2E_PORT ?? 3100) + 1;
const second = `http://127.0.0.1:${secondPort}`;
let instance: ChildProcess | undefined;

test.beforeAll(async () => {
  // The same production server and environment (DATABASE_URL, secret) as the first.
  instance = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: { ...process.env, PORT: String(secondPort), HOSTNAME: "127.0.0.1" },
    stdio: "ignore",
  });
  await expect
    .poll(() => fetch(`${second}${PAGE}`).then((r) => r.status, () => 0), { timeout: 60_000 })
    .toBe(200);
});

test.afterAll(() => {
  instance?.kill();
});

async function cacheState(request: APIRequestContext, origin: string) {
  const response = await request.get(`${origin}${PAGE}`);
  expect(response.status()).toBe(200);
  return { cache: response.headers()["x-nianbao-cache"], body: await response.text() };
}

test("a correction published on one instance is served by the other within 5 s", async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const first = baseURL!;
  // Both instances hold the page in their caches (an instance keeps pages once its LISTEN connection is up,
  // which on a loaded machine may be a moment after it first answers).
  for (const origin of [first, second]) {
    await expect.poll(async () => (await cacheState(request, origin)).cache, { timeout: 10_000 }).toBe("HIT");
  }

  // Through the first instance: the clerk corrects and submits, the reviewer publishes.
  const clerk = await browser.newPage({ baseURL: first });
  const reviewer = await browser.newPage({ baseURL: first });
  await signIn(clerk.request, "shuikou-clerk", "Shuikou-clerk-2026");
  await signIn(reviewer.request, "shuikou-reviewer", "Shuikou-review-2026");
  await clerk.goto("/workspace");
  await clerk.getByRole("link", { name: "2024年度报告" }).click();
  const reason = "两台实例更正测试";
  await clerk.getByLabel("更正原因").fill(reason);
  await clerk.getByRole("button", { name: "发起更正" }).click();
  await expect(clerk.getByText(`正在更正已发布的报告。更正原因：${reason}`)).toBeVisible();
  for (const explanation of await clerk.locator("textarea[id^='explain-']").all()) await explanation.fill("已核实，属实。");
  await clerk.getByRole("button", { name: "提交审核" }).click();
  await expect(clerk.getByText("已提交，等待审核人审核。")).toBeVisible();
  const reviewUrl = `${clerk.url()}/review`;

  // Until publication, both instances keep serving the published revision.
  expect((await cacheState(request, second)).body).not.toContain(reason);

  await reviewer.goto(reviewUrl);
  await reviewer.getByRole("button", { name: "审核通过并发布" }).click();
  await expect(reviewer.getByText("状态：已发布")).toBeVisible();
  const publishedAt = Date.now();

  await expect
    .poll(async () => (await cacheState(request, second)).body.includes(reason), { timeout: 5_000, intervals: [50] })
    .toBe(true);
  console.log(`second instance served the correction ${Date.now() - publishedAt} ms after publication`);
  // The corrected page is cached again. Not necessarily by the very next view: a render that
  // overlapped the notification's arrival is served but not kept (the cache's generation rule).
  await expect.poll(async () => (await cacheState(request, second)).cache, { timeout: 5_000, intervals: [50] }).toBe("HIT");
  expect((await cacheState(request, first)).body).toContain(`更正：${reason}`);
});
