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

describe("a government's 行政区划代码", () => {
  it("is kept for a government, refused for a township, and never taken twice", async () => {
    const { ZCreateOrganizationInput } = await import("@/lib/organizations/schemas");
    const { createOrganization } = await import("@/lib/organizations/create-organization");
    const admin = await signedInActor(prisma, [], { isSystemAdmin: true });
    const suffix = Date.now().toString(36);
    const region = String(100000 + (Date.now() % 899999));
    const typed = { name: "测试区划县人民政府", shortName: "区划县", slug: `region-${suffix}`, code: "", kind: "COUNTY_GOVERNMENT", parentId: "", regionCode: ` ${region} ` };
    const county = ZCreateOrganizationInput.parse(typed);
    const { id } = await createOrganization(admin, county, prisma);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id } })).toMatchObject({ regionCode: region });
    const township = ZCreateOrganizationInput.safeParse({ ...typed, kind: "TOWNSHIP", parentId: id, slug: `region-town-${suffix}`, regionCode: region });
    expect(township.error?.issues).toEqual([expect.objectContaining({ path: ["regionCode"], message: "只有人民政府有行政区划代码，乡镇和部门请留空" })]);
    expect(ZCreateOrganizationInput.safeParse({ ...typed, regionCode: "34112" }).error?.issues[0]?.message).toMatch(/^行政区划代码为6位数字/);
    await expect(createOrganization(admin, { ...county, slug: `region-again-${suffix}` }, prisma)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "行政区划代码已被使用",
    });
  });
});
