// A Server Action is a public endpoint: a call without a session, or one the
// server refuses, leaves an audit row naming the object it asked for.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { signedInActor, testPrisma } from "./helpers";

let current: Actor | null = null;
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => current }));
const { createAction } = await import("@/lib/actions/safe-action");

const prisma = testPrisma();
const action = createAction(z.object({ reportId: z.uuid() }), async () => {
  throw new AppError("FORBIDDEN", "您无权修改该报告");
});

describe("refused server actions", () => {
  it("are recorded without a session and when refused, with the object they named", async () => {
    const reportId = crypto.randomUUID();
    current = null;
    expect(await action({ reportId })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    current = await signedInActor(prisma, []);
    expect(await action({ reportId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const rows = await prisma.auditEvent.findMany({ where: { event: "action.refused", detail: { path: ["object"], equals: reportId } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.actor, r.result, (r.detail as { code: string }).code])).toEqual([
      ["(未登录)", "failure", "UNAUTHENTICATED"],
      [current.username, "failure", "FORBIDDEN"],
    ]);
    await prisma.$disconnect();
  });
});
