// The first system administrator, created from the command line: there is
// no built-in default account.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { ZCreateAccountInput } from "./schemas";

export async function createAdministrator(
  prisma: PrismaClient,
  input: { username: string; displayName: string; password: string },
): Promise<{ id: string }> {
  const parsed = ZCreateAccountInput.safeParse({ ...input, isSystemAdmin: true, isAuditor: false });
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues.map((i) => i.message).join("；"));
  if (await prisma.account.findUnique({ where: { username: parsed.data.username } })) {
    throw new AppError("CONFLICT", `用户名“${parsed.data.username}”已被使用`);
  }
  const passwordHash = await hashPassword(parsed.data.password);
  return prisma.$transaction(async (tx) => {
    const account = await tx.account.create({
      data: { username: parsed.data.username, displayName: parsed.data.displayName, passwordHash, isSystemAdmin: true },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: "system:create-admin",
      event: "account.create",
      objectType: "account",
      objectId: account.id,
      result: "success",
      detail: { username: parsed.data.username, isSystemAdmin: true },
    });
    return account;
  });
}
