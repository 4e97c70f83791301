// The checks every upload route shares (handleUpload), on requests built by
// hand: a body a browser would never send, a file name with a control or a
// direction character, and an X-Forwarded-Host from a client rather than
// from our proxy. Each is a 400 or 403 with a Chinese message, and audited.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { signedInActor, testPrisma } from "./helpers";

let current: Actor | null = null;
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => current }));
const { handleUpload } = await import("@/lib/catalog/upload-request");

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
afterEach(() => vi.unstubAllEnvs());

const BOUNDARY = "----nianbao-test-boundary";

/** A multipart body with one file part whose Content-Disposition is written as given, byte for byte. */
function rawUpload(path: string, disposition: string, headers: Record<string, string> = {}): Request {
  const body = new TextEncoder().encode(
    `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: text/plain\r\n\r\n正文\r\n--${BOUNDARY}--\r\n`,
  );
  return new Request(`http://nianbao.test${path}`, {
    method: "POST",
    body,
    headers: {
      host: "nianbao.test",
      origin: "http://nianbao.test",
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      "content-length": String(body.byteLength),
      ...headers,
    },
  });
}

const fileNamed = (name: string) => `form-data; name="file"; filename="${name}"`;

/** Uploads to a path of its own and answers with the response, its JSON, whether the handler ran, and the path's audit rows. */
async function upload(disposition: string, headers: Record<string, string> = {}) {
  const path = `/upload-test/${crypto.randomUUID()}`;
  const handler = vi.fn(async (_actor: Actor, file: { name: string }) => ({ message: `已上传：${file.name}` }));
  const response = await handleUpload(rawUpload(path, disposition, headers), 1024 * 1024, handler);
  const audited = await prisma.auditEvent.findMany({ where: { event: "upload.refused", detail: { path: ["path"], equals: path } } });
  return { status: response.status, body: (await response.json()) as { ok: boolean; message: string }, handled: handler.mock.calls.length, audited };
}

describe("handleUpload", () => {
  it("answers a body that does not parse (a raw line break or quote in the file name) with 400, audited", async () => {
    current = await signedInActor(prisma, []);
    for (const name of ["通知\r\n附件.pdf", "通知\n附件.pdf", '通知"附件.pdf']) {
      const result = await upload(fileNamed(name));
      expect(result).toMatchObject({ status: 400, body: { ok: false, message: expect.stringContaining("上传内容格式有误") }, handled: 0 });
      expect(result.audited.map((row) => (row.detail as { reason: string }).reason)).toEqual(["malformed"]);
    }
  });

  it("refuses a file name with a control character or a direction override, audited", async () => {
    current = await signedInActor(prisma, []);
    const nul = await upload(fileNamed("通知\u0000.pdf"));
    expect(nul).toMatchObject({ status: 400, body: { message: "文件名含有控制字符或换行，请重命名文件后再上传" }, handled: 0 });
    // Percent-encoded line breaks parse, and are a control character in the name once decoded.
    expect((await upload(fileNamed("通知%0D%0A.pdf"))).body.message).toContain("文件名含有控制字符");
    const override = await upload(fileNamed("发票\u202Efdp.exe"));
    expect(override).toMatchObject({ status: 400, body: { message: expect.stringContaining("改变文字显示方向") }, handled: 0 });
    expect(override.audited.map((row) => (row.detail as { reason: string }).reason)).toEqual(["file-name"]);
    expect(await upload(fileNamed("通知（2024）.pdf"))).toMatchObject({ status: 200, body: { message: "已上传：通知（2024）.pdf" } });
  });

  it("believes X-Forwarded-Host only from a trusted proxy", async () => {
    current = await signedInActor(prisma, []);
    // A page on another site posting with the user's cookie, stating that site as the host.
    const forged = { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-nianbao-peer": "203.0.113.9" };
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/8");
    const refused = await upload(fileNamed("a.txt"), forged);
    expect(refused).toMatchObject({ status: 403, body: { message: "请求来源无效，请从本站页面上传" }, handled: 0 });
    expect(refused.audited.map((row) => (row.detail as { reason: string }).reason)).toEqual(["origin"]);
    // Our nginx states the host the browser addressed.
    const proxied = { host: "127.0.0.1:3000", origin: "https://nianbao.example.org", "x-forwarded-host": "nianbao.example.org", "x-nianbao-peer": "10.0.0.2" };
    expect(await upload(fileNamed("a.txt"), proxied)).toMatchObject({ status: 200, handled: 1 });
  });
});
