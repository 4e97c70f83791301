// Which roles an administrator may grant: never to itself; a regional
// administrator only on units of its region and to accounts of its region;
// no administrator holds a content role; 主管部门 and 管理员 only at a government.
import { describe, expect, it } from "vitest";
import { grantRefusal, grantableRoles, type GrantAccount } from "@/lib/accounts/role-rules";
import { accountInScope, adminScope } from "@/lib/organizations/admin-scope";

const city = { id: "c", kind: "CITY_GOVERNMENT" as const, ancestorIds: ["p"] };
const county = { id: "k", kind: "COUNTY_GOVERNMENT" as const, ancestorIds: ["p", "c"] };
const township = { id: "t", kind: "TOWNSHIP" as const, ancestorIds: ["p", "c", "k"] };
const otherCity = { id: "c2", kind: "CITY_GOVERNMENT" as const, ancestorIds: ["p"] };
const otherTownship = { id: "t2", kind: "TOWNSHIP" as const, ancestorIds: ["p", "c2", "k2"] };

const cityAdmin = { accountId: "a", isSystemAdmin: false, roles: [{ organizationId: "c", role: "ADMINISTRATOR" as const }] };
const scope = adminScope(cityAdmin)!;
const account = (roles: GrantAccount["roles"], extra: Partial<GrantAccount> = {}): GrantAccount => ({ id: "x", isSystemAdmin: false, isAuditor: false, roles, ...extra });
const clerkHere = account([{ role: "CLERK", organization: township }]);
const clerkThere = account([{ role: "CLERK", organization: otherTownship }]);

describe("what a regional administrator may grant", () => {
  it("grants roles in its region to accounts of its region", () => {
    expect(grantRefusal(cityAdmin, scope, clerkHere, "REVIEWER", township)).toBeNull();
    expect(grantRefusal(cityAdmin, scope, clerkHere, "SUPERVISOR", county)).toBeNull();
    expect(grantRefusal(cityAdmin, scope, account([]), "CLERK", township)).toBeNull(); // a new account's first role
  });

  it("refuses units and accounts outside its region, and itself", () => {
    expect(grantRefusal(cityAdmin, scope, clerkHere, "CLERK", otherTownship)).toBe("只能在本地区的单位内分配角色");
    expect(grantRefusal(cityAdmin, scope, clerkThere, "CLERK", township)).toBe("该账号不属于本地区，不能为其分配角色");
    expect(grantRefusal(cityAdmin, scope, account([], { isSystemAdmin: true }), "SUPERVISOR", city)).toBe("该账号不属于本地区，不能为其分配角色");
    expect(grantRefusal(cityAdmin, scope, account([], { id: "a" }), "SUPERVISOR", city)).toBe("不能为自己分配角色，请由另一位管理员分配");
    expect(accountInScope(scope, account([{ role: "CLERK", organization: township }, { role: "CLERK", organization: otherTownship }]))).toBe(false);
    expect(accountInScope(adminScope({ isSystemAdmin: false, roles: [{ organizationId: "c2", role: "ADMINISTRATOR" }] })!, clerkHere)).toBe(false);
    expect(grantRefusal(cityAdmin, scope, clerkHere, "CLERK", otherCity)).toBe("只能在本地区的单位内分配角色");
  });

  it("keeps administrators off content and government roles at governments", () => {
    const admin = account([{ role: "ADMINISTRATOR", organization: county }]);
    expect(grantRefusal(cityAdmin, scope, admin, "CLERK", township)).toBe("管理员不能担任填报人或审核人");
    expect(grantRefusal(cityAdmin, scope, clerkHere, "ADMINISTRATOR", county)).toBe("填报人或审核人不能同时担任管理员");
    expect(grantRefusal(cityAdmin, scope, account([]), "SUPERVISOR", township)).toBe("主管部门和管理员角色只能设在人民政府");
    expect(grantableRoles(cityAdmin, scope, admin)).toEqual({ content: [], government: ["SUPERVISOR", "ADMINISTRATOR"] });
    expect(grantableRoles(cityAdmin, scope, clerkHere)).toEqual({ content: ["CLERK", "REVIEWER"], government: ["SUPERVISOR"] });
  });

  it("a system administrator manages everyone but grants itself nothing", () => {
    const system = { accountId: "s", isSystemAdmin: true, roles: [] };
    expect(grantRefusal(system, adminScope(system)!, clerkThere, "REVIEWER", otherTownship)).toBeNull();
    expect(grantRefusal(system, adminScope(system)!, account([], { id: "s", isSystemAdmin: true }), "SUPERVISOR", city)).toBe("不能为自己分配角色，请由另一位管理员分配");
  });
});

describe("a new account's first role, chosen as one unit-and-role pair", () => {
  it("splits the pair, and leaves both out when none is chosen", async () => {
    const { ZCreateAccountInput } = await import("@/lib/accounts/schemas");
    const base = { username: "new-clerk", displayName: "新填报人", password: "New-clerk-2026" };
    const unit = "6f1c1c1e-8a59-4c51-9d0a-0b7f2c1f3a11";
    expect(ZCreateAccountInput.parse({ ...base, firstRole: `${unit}:CLERK` })).toMatchObject({ organizationId: unit, role: "CLERK" });
    expect(ZCreateAccountInput.parse({ ...base, firstRole: "" })).not.toHaveProperty("organizationId");
    expect(ZCreateAccountInput.safeParse({ ...base, firstRole: `${unit}:OWNER` }).success).toBe(false);
  });
});
