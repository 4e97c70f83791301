// Account security settings, with the defaults of 等保2.0 三级 practice in
// China; each can be changed through the environment.
import { z } from "zod";
import { readEnv } from "@/lib/env";

const ZAuthPolicy = z.object({
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).default(8),
  /** Of: lower-case, upper-case, digits, other characters. */
  PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
  /** A passphrase this long is accepted whatever its character classes. */
  PASSPHRASE_MIN_LENGTH: z.coerce.number().int().min(8).default(16),
  /** Days after which a password must be changed at the next sign-in; 0 (the default) never. */
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(0),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Failed sign-ins one source address may make in SIGN_IN_ADDRESS_MINUTES before it must wait that long. */
  SIGN_IN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(20),
  SIGN_IN_ADDRESS_MINUTES: z.coerce.number().int().min(1).default(15),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
});

export type AuthPolicy = z.infer<typeof ZAuthPolicy>;

/** Longer input is refused before it is hashed or looked up: a 1 MB "password" would only cost the server. */
export const MAX_USERNAME_LENGTH = 64;
export const MAX_PASSWORD_LENGTH = 1024;

export function authPolicy(): AuthPolicy {
  return readEnv(ZAuthPolicy);
}

/** Whether a password changed at `changedAt` has outlived PASSWORD_MAX_AGE_DAYS. */
export function passwordExpired(changedAt: Date, policy: AuthPolicy = authPolicy(), now = new Date()): boolean {
  return policy.PASSWORD_MAX_AGE_DAYS > 0 && now.getTime() - changedAt.getTime() > policy.PASSWORD_MAX_AGE_DAYS * 86_400_000;
}

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/** zod schema of a new password under the policy; long passphrases are welcome. */
export function passwordSchema(policy: AuthPolicy = authPolicy()) {
  return z
    .string()
    .max(256, "密码过长（最多256个字符）")
    .min(policy.PASSWORD_MIN_LENGTH, `密码至少${policy.PASSWORD_MIN_LENGTH}个字符`)
    .refine(
      (password) => characterClasses(password) >= policy.PASSWORD_MIN_CLASSES || [...password].length >= policy.PASSPHRASE_MIN_LENGTH,
      `密码须包含大写字母、小写字母、数字、符号中的至少${policy.PASSWORD_MIN_CLASSES}类，或使用${policy.PASSPHRASE_MIN_LENGTH}个字符以上的长密码`,
    );
}
