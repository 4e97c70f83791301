// The register's upload route as browsers call it: the page's script asks for
// JSON; a form posted without script gets the preview by redirect, or a plain
// page saying why the files could not be read. Two CSV files go up together;
// a third is refused before any is read.
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

let current: Actor | null = null;
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => current }));
const { POST } = await import("@/app/admin/import/upload/route");

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const csv = (name: string, text: string) => new File([`\uFEFF${text}`], name, { type: "text/csv" });
const unitsCsv = () => csv("单位.csv", "单位全称,统一社会信用代码,类别,上级单位统一社会信用代码\r\n某局,11341122003250510R,部门,\r\n");
const accountsCsv = () => csv("账号.csv", "用户名,姓名,单位统一社会信用代码,角色\r\nmou-clerk,王伟,11341122003250510R,填报人\r\n");

/** A multipart POST as a browser sends it (undici frames the body and states its length). */
async function post(files: File[], accept: string): Promise<Response> {
  const form = new FormData();
  for (const file of files) form.append("file", file);
  const framed = new Response(form);
  const type = framed.headers.get("content-type")!;
  const body = new Uint8Array(await framed.arrayBuffer());
  return POST(
    new Request("http://nianbao.test/admin/import/upload", {
      method: "POST",
      body,
      headers: { host: "nianbao.test", origin: "http://nianbao.test", accept, "content-type": type, "content-length": String(body.byteLength) },
    }),
  );
}

describe("the register upload route", () => {
  it("answers the page's script in JSON, and a form posted without script with a redirect to the preview", async () => {
    const { county } = await createCountyWithTownships(prisma);
    current = await signedInActor(prisma, [{ organizationId: county.id, role: "ADMINISTRATOR" }]);
    const json = await post([unitsCsv(), accountsCsv()], "application/json");
    expect(json.status).toBe(200);
    const { data } = (await json.json()) as { data: { uploadId: string } };
    const stored = await prisma.registerUpload.findUniqueOrThrow({ where: { id: data.uploadId } });
    expect(stored).toMatchObject({ accountId: current.accountId, appliedAt: null });
    expect((stored.files as { name: string }[]).map((f) => f.name)).toEqual(["单位.csv", "账号.csv"]);

    const plain = await post([unitsCsv()], "text/html,application/xhtml+xml");
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toMatch(/^\/admin\/import\/[0-9a-f-]{36}$/);
  });

  it("tells a form posted without script why the files could not be read, escaped, with nothing kept", async () => {
    const { county } = await createCountyWithTownships(prisma);
    current = await signedInActor(prisma, [{ organizationId: county.id, role: "ADMINISTRATOR" }]);
    const before = await prisma.registerUpload.count();
    const page = await post([new File(["<b>not</b>"], "<名录>.xlsx")], "text/html");
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain("&#60;名录&#62;.xlsx");
    expect(html).not.toContain("<名录>");
    expect(html).toContain("系统中没有任何改动");
    const three = await post([unitsCsv(), accountsCsv(), unitsCsv()], "application/json");
    expect(await three.json()).toEqual({ ok: false, message: "一次最多上传2个文件" });
    expect(await prisma.registerUpload.count()).toBe(before);
  });

  it("refuses someone who administers nothing, audited", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    current = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const response = await post([unitsCsv()], "application/json");
    expect(response.status).toBe(403);
    expect(await prisma.auditEvent.count({ where: { event: "register.upload", actor: current.username, result: "failure" } })).toBe(1);
  });
});
