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
import { accountInScope, unitInScope, type AdminScope, type ScopedAccount } from "./admin-scope";

export const ALL_ROLES: readonly Role[] = ["CLERK", "REVIEWER", "SUPERVISOR", "ADMINISTRATOR"];

export interface GrantAccount extends ScopedAccount {
  id: string;
  roles: readonly { role: Role; organization: TreeNode }[];
}

type GrantUnit = TreeNode & { kind: OrganizationKind };

const isAdministrator = (account: GrantAccount) => account.isSystemAdmin || account.roles.some((r) => r.role === "ADMINISTRATOR");

/** Why the grant is refused, or null when it is allowed. */
export function grantRefusal(actor: Pick<Actor, "accountId">, scope: AdminScope, account: GrantAccount, role: Role, unit: GrantUnit): string | null {
  if (actor.accountId === account.id) return "不能为自己分配角色，请由另一位管理员分配";
  if (!unitInScope(scope, unit)) return "只能在本地区的单位内分配角色";
  if (!accountInScope(scope, account) && !(account.roles.length === 0 && !account.isSystemAdmin && !account.isAuditor)) {
    return "该账号不属于本地区，不能为其分配角色";
  }
  if ((role === "SUPERVISOR" || role === "ADMINISTRATOR") && !isGovernment(unit.kind)) return "主管部门和管理员角色只能设在人民政府";
  if (isAdministrator(account) && CONTENT_ROLES.includes(role)) return "管理员不能担任填报人或审核人";
  if (role === "ADMINISTRATOR" && account.roles.some((r) => CONTENT_ROLES.includes(r.role))) return "填报人或审核人不能同时担任管理员";
  if (role === "ADMINISTRATOR" && account.isAuditor) return "审计员不能担任管理员";
  return null;
}

/** The roles the screen offers for an account on a unit: exactly those grantRefusal allows. */
export function grantableRoles(actor: Pick<Actor, "accountId">, scope: AdminScope, account: GrantAccount, unit: GrantUnit): readonly Role[] {
  return ALL_ROLES.filter((role) => grantRefusal(actor, scope, account, role, unit) === null);
}
