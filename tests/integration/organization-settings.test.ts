// An administrator changes a unit's 先备案后公布 setting and its 统一社会信用代码,
// audited with before and after; nobody else can; a code already taken is refused.
import { afterAll, describe, expect, it } from "vitest";
import { updateOrganizationSettings } from "@/lib/organizations/update-organization";
import { createCountyWithTownships, signedInActor, testPrisma } from "./helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

describe("organization settings", () => {
  it("are changed by an administrator only, audited, and a code in use is refused", async () => {
    const { townA, townB, county } = await createCountyWithTownships(prisma);
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const code = `11341122${Date.now().toString().slice(-9)}X`.slice(0, 18);
    await updateOrganizationSettings(admin, { organizationId: townA.id, code, publisher: "SUPERVISOR" }, prisma);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: townA.id } })).toMatchObject({ code, publisher: "SUPERVISOR" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { objectId: townA.id, event: "organization.update" } });
    expect(audit.detail).toEqual({ before: { code: null, publisher: "REVIEWER" }, after: { code, publisher: "SUPERVISOR" } });

    await expect(updateOrganizationSettings(admin, { organizationId: townB.id, code, publisher: "REVIEWER" }, prisma)).rejects.toMatchObject({ code: "CONFLICT" });
    const supervisor = await signedInActor(prisma, [{ organizationId: county.id, role: "SUPERVISOR" }]);
    await expect(updateOrganizationSettings(supervisor, { organizationId: townB.id, code: null, publisher: "SUPERVISOR" }, prisma)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: townB.id } })).publisher).toBe("REVIEWER");
  });
});
