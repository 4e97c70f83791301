// Who is acting: the account behind a valid session, with its roles. Data
// functions take an Actor (or null) and decide everything from it.
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/** Roles that write or approve report and catalog content (an administrator may hold none of them). */
export const CONTENT_ROLES: readonly Role[] = ["CLERK", "REVIEWER"];

export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  isSystemAdmin: boolean;
  /** 审计员: may read the audit log. */
  isAuditor: boolean;
  roles: readonly { organizationId: string; role: Role }[];
  sessionId: string;
  sourceIp: string | null;
  /** Set when PASSWORD_MAX_AGE_DAYS has passed since the password was set: the screens send the user to change it. */
  passwordExpired?: boolean;
  /** Set when the account's password was given for one use (Account.mustChangePassword): the same. */
  mustChangePassword?: boolean;
}

/** Whether the screens send the actor to /account/password before anything else. */
export function needsNewPassword(actor: Pick<Actor, "passwordExpired" | "mustChangePassword">): boolean {
  return actor.passwordExpired === true || actor.mustChangePassword === true;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}

export function hasRole(actor: Actor, organizationId: string, role: Role): boolean {
  return actor.roles.some((r) => r.organizationId === organizationId && r.role === role);
}

export function requireSystemAdmin(actor: Actor | null): Actor {
  const checked = requireActor(actor);
  if (!checked.isSystemAdmin) throw new AppError("FORBIDDEN");
  return checked;
}

/** The highest role label to show (and record in the audit log). */
export function roleLabel(actor: Actor): string {
  if (actor.isSystemAdmin) return "系统管理员";
  if (actor.isAuditor) return "审计员";
  const roles = new Set(actor.roles.map((r) => r.role));
  if (roles.has("ADMINISTRATOR")) return "管理员（本地区）";
  if (roles.has("SUPERVISOR")) return "主管部门";
  if (roles.has("REVIEWER")) return "审核人";
  if (roles.has("CLERK")) return "填报人";
  return "无角色";
}
