// The lifecycle of a catalog item as data (the README's catalog table): each
// step, its from-states, who may take it, its to-state and whether its author
// is barred. The step files guard through it (guardCatalogStep) and the item
// page offers what it allows (catalogStepsFor) — lib/workflow/lifecycle.ts.
import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CatalogItemStatus } from "@/lib/generated/prisma/enums";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { canDraft, canReview } from "@/lib/organizations/unit-roles";
import { allowedSteps, stepRefusal, type Lifecycle, type StepRule } from "@/lib/workflow/lifecycle";
import { auditItem, CATALOG_OBJECT, helpedWrite, itemAlreadyHandled, loadItem, refuseItem } from "./item-helpers";

export type CatalogStep = "save" | "submit" | "withdraw" | "return" | "approve" | "changeValidity";
type Role = "clerk" | "reviewer";

export const catalogSteps: Record<CatalogStep, StepRule<CatalogItemStatus, Role>> = {
  save: { from: { DRAFT: ["clerk"] }, to: "DRAFT", event: "catalog.save", forbidden: "只有本单位的填报人可以修改" },
  submit: { from: { DRAFT: ["clerk"] }, to: "SUBMITTED", event: "catalog.submit", forbidden: "只有本单位的填报人可以提交" },
  withdraw: { from: { SUBMITTED: ["clerk"] }, to: "DRAFT", event: "catalog.withdraw", forbidden: "只有本单位的填报人可以撤回" },
  return: { from: { SUBMITTED: ["reviewer"] }, to: "DRAFT", event: "catalog.return", forbidden: "只有本单位的审核人可以退回" },
  approve: { from: { SUBMITTED: ["reviewer"] }, to: "PUBLISHED", notByAuthor: true, event: "catalog.approve", forbidden: "只有本单位的审核人可以审核发布" },
  changeValidity: { from: { PUBLISHED: ["reviewer"] }, to: "PUBLISHED", event: "catalog.validity", forbidden: "只有本单位的审核人可以变更有效性" },
};

export interface CatalogSubject {
  status: CatalogItemStatus;
  organization: { id: string; parentId: string | null };
  /** The actor drafted, edited, submitted or changed the files of the item. */
  actorHelpedWrite: boolean;
}

export const catalogLifecycle: Lifecycle<CatalogItemStatus, CatalogStep, Role, CatalogSubject> = {
  steps: catalogSteps,
  holds: (actor, subject, role) =>
    role === "clerk" ? canDraft(actor, subject.organization) : canReview(actor, subject.organization),
  isAuthor: (_, subject) => subject.actorHelpedWrite,
  authorRefusal: "起草、修改或提交该信息的人不能审核发布",
  stateRefusal: "该信息已被他人处理或修改，请刷新后查看最新状态",
};

type Client = PrismaClient | Prisma.TransactionClient;
type LoadedItem = Awaited<ReturnType<typeof loadItem>>;

async function subjectOf(prisma: Client, actor: Actor, item: LoadedItem): Promise<CatalogSubject> {
  return {
    status: item.status,
    organization: item.organization,
    // Only approving a submission asks who wrote it: one query, then.
    actorHelpedWrite: item.status === "SUBMITTED" ? await helpedWrite(prisma, actor, item) : false,
  };
}

/** The steps the actor may take on the item: what its page offers, and why approving is barred if it is. */
export async function catalogStepsFor(prisma: Client, actor: Actor, item: LoadedItem) {
  const subject = await subjectOf(prisma, actor, item);
  return { steps: allowedSteps(catalogLifecycle, actor, subject), approveRefusal: stepRefusal(catalogLifecycle, actor, subject, "approve") };
}

/**
 * Loads the item and refuses the step unless the table allows it: FORBIDDEN
 * (audited) for a role or separation-of-duties refusal, CONFLICT for an item
 * that is no longer in a state the step is taken from.
 */
export async function guardCatalogStep(prisma: PrismaClient, actor: Actor, itemId: string, step: CatalogStep): Promise<LoadedItem> {
  const item = await loadItem(prisma, itemId);
  const refusal = stepRefusal(catalogLifecycle, actor, await subjectOf(prisma, actor, item), step);
  if (!refusal) return item;
  const object = { type: CATALOG_OBJECT, id: item.id };
  const event = catalogSteps[step].event;
  if (refusal.kind === "state") {
    if (step === "save") return refuseItem(prisma, actor, event, object, "not-draft", "只有草稿可以修改", "CONFLICT");
    throw itemAlreadyHandled();
  }
  return refuseItem(prisma, actor, event, object, refusal.kind === "separation" ? "separation-of-duties" : "forbidden", refusal.message);
}

/**
 * A workflow step that only moves the item between states, at the version the
 * person read. The state check and the change are one statement, so of two
 * people acting at once the second finds it changed.
 */
export async function transitionItem(
  prisma: PrismaClient,
  actorOrNull: Actor | null,
  input: { itemId: string; baseVersion: number },
  step: {
    name: CatalogStep;
    data: (actorId: string) => Prisma.CatalogItemUpdateManyMutationInput;
    detail?: Prisma.InputJsonValue;
  },
): Promise<void> {
  const actor = requireActor(actorOrNull);
  const item = await guardCatalogStep(prisma, actor, input.itemId, step.name);
  const from = Object.keys(catalogSteps[step.name].from) as CatalogItemStatus[];
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.catalogItem.updateMany({
      where: { id: item.id, status: { in: from }, version: input.baseVersion },
      data: { ...step.data(actor.accountId), version: { increment: 1 } },
    });
    if (count === 0) throw itemAlreadyHandled();
    await auditItem(tx, actor, catalogSteps[step.name].event, item.id, step.detail);
  });
}
