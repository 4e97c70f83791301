// Which roles an administrator may give which account. Administrators manage
// accounts, not content (quality bar: separation of duties): no account
// grants itself a role, and a system administrator holds no content role
// (填报人, 审核人) for any unit. The server refuses the rest and the
// administration screen offers only these.
import type { Role } from "@/lib/generated/prisma/enums";
import { CONTENT_ROLES } from "@/lib/auth/actor";

const ALL_ROLES: readonly Role[] = ["CLERK", "REVIEWER", "SUPERVISOR"];

export function grantableRoles(actor: { accountId: string }, account: { id: string; isSystemAdmin: boolean }): readonly Role[] {
  if (actor.accountId === account.id) return [];
  return account.isSystemAdmin ? ALL_ROLES.filter((role) => !CONTENT_ROLES.includes(role)) : ALL_ROLES;
}

/** Why the grant is refused, or null when it is allowed. */
export function grantRefusal(actor: { accountId: string }, account: { id: string; isSystemAdmin: boolean }, role: Role): string | null {
  if (actor.accountId === account.id) return "不能为自己分配角色，请由另一位管理员分配";
  if (account.isSystemAdmin && CONTENT_ROLES.includes(role)) return "系统管理员不能担任填报人或审核人";
  return null;
}
