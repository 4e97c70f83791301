import { afterAll, describe, expect, it } from "vitest";
import { toActionError } from "@/lib/actions/safe-action";
import { createPrismaClient } from "@/lib/db/client";
import { saveReport } from "@/lib/reports/save-report";
import { startReport } from "@/lib/reports/start-report";
import { createCountyWithTownships, databaseUrl, signedInActor, testPrisma } from "./helpers";
import { TcpProxy } from "./tcp-proxy";

const prisma = testPrisma();
const target = new URL(databaseUrl());
const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
afterAll(async () => {
  await proxy.stop();
  await prisma.$disconnect();
});

describe("when the database goes away in the middle of saving", () => {
  it("a save fails with a clear message, the process stays up, and saving works again afterwards", async () => {
    const { townA } = await createCountyWithTownships(prisma);
    const clerk = await signedInActor(prisma, [{ organizationId: townA.id, role: "CLERK" }]);
    const { reportId } = await startReport(clerk, { organizationId: townA.id, year: 2025, prefill: false }, prisma);

    await proxy.start();
    const proxied = new URL(databaseUrl());
    proxied.port = String(proxy.port);
    const app = createPrismaClient(proxied.toString());
    const save = (baseVersion: number, other: string) =>
      saveReport(clerk, { reportId, baseVersion, content: { title: "标题", signatureLine: "", signedOn: null, sections: { overview: "", problems: "", other }, cells: {} } }, app);

    expect(await save(1, "第一次")).toMatchObject({ status: "saved", version: 2 });

    await proxy.stop();
    const failure = await save(2, "断线时").then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(toActionError(failure)).toMatchObject({ ok: false, code: "UNAVAILABLE" });
    expect(toActionError(failure).message).toContain("您的输入仍保留在页面上");

    await proxy.start(); // same port: the app's configuration does not change
    expect(await save(2, "恢复后")).toMatchObject({ status: "saved", version: 3 });
    const sections = await prisma.reportSection.findMany({ where: { reportId, sectionKey: "other" } });
    expect(sections.map((s) => s.body)).toEqual(["恢复后"]);
    await app.$disconnect();
  });
});
