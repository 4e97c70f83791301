// A register upload: read off the request thread, kept (for a day) with the
// administrator who sent it, previewed against the database as it is now,
// and confirmed — the confirmation names the upload and the digest of the
// preview it saw, so that what is applied is exactly what was shown.
import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { adminScope, requireAdministrator } from "@/lib/organizations/admin-scope";
import { auditActorEvent, auditRefusal } from "@/lib/audit/actor-audit";
import { db } from "@/lib/db/client";
import { mailConfigured } from "@/lib/notifications/notify";
import { AppError } from "@/lib/errors";
import { UnreadableFileError } from "@/lib/import/read-source";
import { applyRegister, type ApplyResult } from "./apply-register";
import { loadSnapshot } from "./load-snapshot";
import { planRegister } from "./plan-register";
import { readRegisterOffThread } from "./read-off-thread";
import type { Register, RegisterFile, RegisterPlan } from "./types";

const UPLOAD_HOURS = 24;

/** Reads the files and keeps what they hold; returns the upload's id for its preview. A file that cannot be read keeps nothing. */
export async function uploadRegister(
  actorOrNull: Actor | null,
  files: readonly { name: string; bytes: Uint8Array }[],
  prisma: PrismaClient = db(),
): Promise<{ uploadId: string }> {
  const actor = requireActor(actorOrNull);
  if (!adminScope(actor)) {
    await auditRefusal(prisma, actor, "register.upload", { type: "register_upload", id: "" }, "not-administrator");
    throw new AppError("FORBIDDEN", "只有管理员可以导入单位名录");
  }
  const register = await readRegisterOffThread(files).catch((error: unknown) => {
    if (error instanceof UnreadableFileError) throw new AppError("INVALID", error.message);
    throw error;
  });
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    // Uploads nobody confirmed are of no use after their day.
    await tx.registerUpload.deleteMany({ where: { expiresAt: { lt: now }, appliedAt: null } });
    const upload = await tx.registerUpload.create({
      data: {
        accountId: actor.accountId,
        files: register.files as unknown as Prisma.InputJsonValue,
        register: register as unknown as Prisma.InputJsonValue,
        expiresAt: new Date(now.getTime() + UPLOAD_HOURS * 3_600_000),
      },
      select: { id: true },
    });
    await auditActorEvent(tx, actor, "register.upload", { type: "register_upload", id: upload.id }, {
      files: register.files.map((f) => ({ name: f.name, sha256: f.sha256, tables: f.tables })),
      units: register.units.length,
      accounts: register.accounts.length,
    });
    return { uploadId: upload.id };
  });
}

export interface RegisterPreview {
  uploadId: string;
  files: RegisterFile[];
  notes: string[];
  createdAt: Date;
  appliedAt: Date | null;
  expired: boolean;
  plan: RegisterPlan;
}

/** One's own upload only: another administrator's is as unknown as one that does not exist. */
async function ownUpload(actor: Actor, uploadId: string, prisma: PrismaClient) {
  const upload = /^[0-9a-f-]{36}$/i.test(uploadId)
    ? await prisma.registerUpload.findFirst({ where: { id: uploadId, accountId: actor.accountId } })
    : null;
  if (!upload) throw new AppError("NOT_FOUND", "未找到该上传的名录，请重新上传");
  return { ...upload, register: upload.register as unknown as Register };
}

/** The preview: the upload planned against the database as it is now. Writes nothing. */
export async function previewRegister(actorOrNull: Actor | null, uploadId: string, prisma: PrismaClient = db()): Promise<RegisterPreview> {
  const { actor, scope } = requireAdministrator(actorOrNull);
  const upload = await ownUpload(actor, uploadId, prisma);
  const plan = planRegister(upload.register, await loadSnapshot(prisma, upload.register), { actor, scope, mail: mailConfigured() });
  return {
    uploadId: upload.id,
    files: upload.register.files,
    notes: upload.register.notes,
    createdAt: upload.createdAt,
    appliedAt: upload.appliedAt,
    expired: upload.expiresAt <= new Date(),
    plan,
  };
}

/** Applies the upload if its plan is still the preview the administrator saw (`digest`). */
export async function confirmRegister(
  actorOrNull: Actor | null,
  input: { uploadId: string; digest: string },
  prisma: PrismaClient = db(),
): Promise<ApplyResult> {
  const { actor, scope } = requireAdministrator(actorOrNull);
  const upload = await ownUpload(actor, input.uploadId, prisma);
  return applyRegister(prisma, actor, scope, upload.register, {
    expectedDigest: input.digest,
    upload: { id: upload.id, accountId: actor.accountId },
  });
}
