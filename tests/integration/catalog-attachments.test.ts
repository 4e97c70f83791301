import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { approveCatalogItem } from "@/lib/catalog/approve-item";
import { attachmentResponse } from "@/lib/catalog/attachment-response";
import { addCatalogAttachment, removeCatalogAttachment } from "@/lib/catalog/attachments";
import { submitCatalogItem } from "@/lib/catalog/submit-item";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";
import { draftItem, itemVersion } from "./catalog/catalog-helpers";

const prisma = testPrisma();
const dir = mkdtempSync(path.join(tmpdir(), "nianbao-attachments-"));
let towns: Awaited<ReturnType<typeof createCountyWithTownships>>;
let clerk: Actor;
let reviewer: Actor;
let otherClerk: Actor;

const pdf = (size = 64) => {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  return bytes;
};

beforeAll(async () => {
  process.env.ATTACHMENTS_DIR = dir;
  process.env.ATTACHMENT_MAX_BYTES = "1024";
  towns = await createCountyWithTownships(prisma);
  clerk = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "CLERK" }]);
  reviewer = await signedInActor(prisma, [{ organizationId: towns.townA.id, role: "REVIEWER" }]);
  otherClerk = await signedInActor(prisma, [{ organizationId: towns.townB.id, role: "CLERK" }]);
});
afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  delete process.env.ATTACHMENT_MAX_BYTES;
  rmSync(dir, { recursive: true, force: true });
  await prisma.$disconnect();
});

describe("catalog attachments", () => {
  it("stores an allowed file under a random id, never under the name it came with", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    const { attachmentId } = await addCatalogAttachment(clerk, { itemId, fileName: "../../etc/关于印发方案的通知.pdf", bytes: pdf() }, prisma);
    expect(readdirSync(dir)).toEqual([attachmentId]);
    const stored = await prisma.catalogAttachment.findUniqueOrThrow({ where: { id: attachmentId } });
    expect(stored).toMatchObject({ fileName: "关于印发方案的通知.pdf", extension: "pdf", size: 64 });
    expect(await prisma.auditEvent.count({ where: { objectId: itemId, event: "catalog.attach", result: "success" } })).toBe(1);
  });

  it("refuses a type outside the allow-list, and a file whose bytes do not match its extension", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    await expect(
      addCatalogAttachment(clerk, { itemId, fileName: "page.html", bytes: new TextEncoder().encode("<script>alert(1)</script>") }, prisma),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("不支持该文件类型") });
    await expect(
      addCatalogAttachment(clerk, { itemId, fileName: "renamed.pdf", bytes: new TextEncoder().encode("MZ\x90\x00 not a pdf") }, prisma),
    ).rejects.toMatchObject({ code: "INVALID", message: "文件内容与扩展名 .pdf 不符，请上传真实的PDF文件" });
    expect(await prisma.catalogAttachment.count({ where: { itemId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { objectId: itemId, event: "catalog.attach", result: "failure" } })).toBe(2);
  });

  it("refuses a file over the size limit", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    await expect(addCatalogAttachment(clerk, { itemId, fileName: "big.pdf", bytes: pdf(2048) }, prisma)).rejects.toMatchObject({
      code: "INVALID",
      message: "文件过大（2 KB），单个附件最大1 KB",
    });
    expect(await prisma.catalogAttachment.count({ where: { itemId } })).toBe(0);
  });

  it("refuses another township's clerk, and changes to a submitted item", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    await expect(addCatalogAttachment(otherClerk, { itemId, fileName: "a.pdf", bytes: pdf() }, prisma)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { attachmentId } = await addCatalogAttachment(clerk, { itemId, fileName: "a.pdf", bytes: pdf() }, prisma);
    await submitCatalogItem(clerk, { itemId, baseVersion: await itemVersion(prisma, itemId) }, prisma);
    await expect(removeCatalogAttachment(clerk, { attachmentId }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prisma.catalogAttachment.count({ where: { itemId } })).toBe(1);
  });

  it("serves a published item's file to anyone as a download with safe headers, a draft's only to its unit", async () => {
    const itemId = await draftItem(prisma, clerk, towns.townA.id);
    const { attachmentId } = await addCatalogAttachment(clerk, { itemId, fileName: "预算\"公开\"表.pdf", bytes: pdf() }, prisma);
    expect((await attachmentResponse(null, attachmentId, prisma)).status).toBe(404);
    expect((await attachmentResponse(otherClerk, attachmentId, prisma)).status).toBe(404);
    expect((await attachmentResponse(clerk, attachmentId, prisma)).status).toBe(200);

    await submitCatalogItem(clerk, { itemId, baseVersion: await itemVersion(prisma, itemId) }, prisma);
    await approveCatalogItem(reviewer, { itemId, baseVersion: await itemVersion(prisma, itemId) }, prisma);
    const response = await attachmentResponse(null, attachmentId, prisma);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent("预算_公开_表.pdf")}`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf());
    expect((await attachmentResponse(null, "../../../etc/passwd", prisma)).status).toBe(404);
  });
});
