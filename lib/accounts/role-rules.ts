// Which roles an administrator may give which account on which unit.
// Administrators manage accounts, not content (quality bar: separation of
// duties): no account grants itself a role; an administrator — of the
// installation or of a region — holds no content role (填报人, 审核人); a
// regional administrator grants only on units of its region, to accounts of
// its region. 主管部门 and 管理员 are roles of a government, not of a
// township or a department. The server refuses the rest and the
// administration screen offers only these.
import type { OrganizationKind, Role } from "@/lib/generated/prisma/enums";
import { CONTENT_ROLES, type Actor } from "@/lib/auth/actor";
import { isGovernment, type TreeNode } from "@/lib/organizations/tree";
import { accountInScope, unitInScope, type AdminScope, type ScopedAccount } from "@/lib/organizations/admin-scope";

export const ALL_ROLES: readonly Role[] = ["CLERK", "REVIEWER", "SUPERVISOR", "ADMINISTRATOR"];

export interface GrantAccount extends ScopedAccount {
  id: string;
  roles: readonly { role: Role; organization: TreeNode }[];
}

type GrantUnit = TreeNode & { kind: OrganizationKind };

const isAdministrator = (account: GrantAccount) => account.isSystemAdmin || account.roles.some((r) => r.role === "ADMINISTRATOR");

/** Why `account` may not receive `role` from this administrator on any unit, or null. */
export function accountRefusal(actor: Pick<Actor, "accountId">, scope: AdminScope, account: GrantAccount, role: Role): string | null {
  if (actor.accountId === account.id) return "不能为自己分配角色，请由另一位管理员分配";
  // An account with no role yet (just created) may be given its first one by a regional administrator.
  const unplaced = account.roles.length === 0 && !account.isSystemAdmin && !account.isAuditor;
  if (!accountInScope(scope, account) && !unplaced) return "该账号不属于本地区，不能为其分配角色";
  if (isAdministrator(account) && CONTENT_ROLES.includes(role)) return "管理员不能担任填报人或审核人";
  if (role === "ADMINISTRATOR" && account.roles.some((r) => CONTENT_ROLES.includes(r.role))) return "填报人或审核人不能同时担任管理员";
  if (role === "ADMINISTRATOR" && account.isAuditor) return "审计员不能担任管理员";
  return null;
}

/** Why `role` may not be given on `unit` by this administrator, or null. */
export function unitRefusal(scope: AdminScope, role: Role, unit: GrantUnit): string | null {
  if (!unitInScope(scope, unit)) return "只能在本地区的单位内分配角色";
  if (GOVERNMENT_ROLES.includes(role) && !isGovernment(unit.kind)) return "主管部门和管理员角色只能设在人民政府";
  return null;
}

/** 主管部门 and 管理员 are held at a government. */
export const GOVERNMENT_ROLES: readonly Role[] = ["SUPERVISOR", "ADMINISTRATOR"];

/** Why the grant is refused, or null when it is allowed. */
export function grantRefusal(actor: Pick<Actor, "accountId">, scope: AdminScope, account: GrantAccount, role: Role, unit: GrantUnit): string | null {
  return accountRefusal(actor, scope, account, role) ?? unitRefusal(scope, role, unit);
}

/**
 * The roles the screen offers an account: content roles on any unit of the
 * administrator's region, government roles on its governments — exactly
 * what grantRefusal allows, given those unit lists.
 */
export function grantableRoles(actor: Pick<Actor, "accountId">, scope: AdminScope, account: GrantAccount): { content: Role[]; government: Role[] } {
  const allowed = ALL_ROLES.filter((role) => accountRefusal(actor, scope, account, role) === null);
  return { content: allowed.filter((r) => !GOVERNMENT_ROLES.includes(r)), government: allowed.filter((r) => GOVERNMENT_ROLES.includes(r)) };
}
