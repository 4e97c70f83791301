import { z } from "zod";
import { MAX_PASSWORD_LENGTH, passwordSchema } from "@/lib/auth/policy";
import { nameProblem, refineWith } from "@/lib/validation/plain-text";

export const roleLabels = { CLERK: "填报人", REVIEWER: "审核人", SUPERVISOR: "主管部门", ADMINISTRATOR: "管理员（本地区）" } as const;

const ZRole = z.enum(["CLERK", "REVIEWER", "SUPERVISOR", "ADMINISTRATOR"], "请选择角色");

/** A form's checkbox ("on"), a hidden "true"/"false", or a boolean. */
const ZFormBoolean = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, "用户名为2–64位小写字母、数字、点、下划线或连字符");

/** An e-mail address for notifications, or empty for none. */
export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .transform((value) => value || null)
  .pipe(z.email("邮箱地址格式不正确").nullable());

export const ZCreateAccountInput = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(1, "请填写姓名").max(50, "姓名过长（最多50字）").superRefine(refineWith(nameProblem)),
  email: ZEmail.optional(),
  password: passwordSchema(),
  isSystemAdmin: ZFormBoolean,
  isAuditor: ZFormBoolean,
  /**
   * The first role, as "<unit id>:<role>" — one choice of unit and role
   * together, so the form offers only pairs the rules allow (主管部门 and
   * 管理员 at a government). Required of a regional administrator, whose
   * accounts are those of its region.
   */
  firstRole: z
    .string()
    .trim()
    .regex(/^([0-9a-f-]{36}:(CLERK|REVIEWER|SUPERVISOR|ADMINISTRATOR))?$/, "请选择单位和角色")
    .optional(),
}).transform(({ firstRole, ...account }) => {
  const [organizationId, role] = firstRole ? (firstRole.split(":") as [string, z.output<typeof ZRole>]) : [];
  return { ...account, ...(organizationId && role ? { organizationId, role } : {}) } as typeof account & {
    organizationId?: string;
    role?: z.output<typeof ZRole>;
  };
});

export const ZRoleInput = z.object({
  accountId: z.uuid(),
  organizationId: z.uuid("请选择机构"),
  role: ZRole,
});

export const ZAccountContactInput = z.object({ accountId: z.uuid(), email: ZEmail, dailyDigest: ZFormBoolean });

export const ZSetDisabledInput = z.object({ accountId: z.uuid(), disabled: ZFormBoolean });

export const ZResetPasswordInput = z.object({ accountId: z.uuid(), password: passwordSchema() });

export const ZChangeOwnPasswordInput = z.object({
  currentPassword: z.string("请输入当前密码").min(1, "请输入当前密码").max(MAX_PASSWORD_LENGTH, "当前密码不正确"),
  newPassword: passwordSchema(),
});
