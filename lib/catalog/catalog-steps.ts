// The lifecycle of a catalog item as data (the README's catalog table): each
// step, its from-states, who may take it, its to-state and whether its author
// is barred. The step files take their step through runCatalogStep (the
// shared runner, lib/workflow/run-step.ts) and the item page offers what the
// same table allows (catalogStepsFor).
import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CatalogItemStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { canDraft, canReview } from "@/lib/organizations/unit-roles";
import { allowedSteps, stepRefusal, type Lifecycle, type StepRule } from "@/lib/workflow/lifecycle";
import { checkStep, runStep, staleRefusal, type StepDone, type Workflow } from "@/lib/workflow/run-step";

export type CatalogStep = "save" | "attach" | "detach" | "submit" | "withdraw" | "return" | "approve" | "changeValidity";
type Role = "clerk" | "reviewer";

const notDraft = (message: string) => ({ reason: "not-draft", message });

export const catalogSteps: Record<CatalogStep, StepRule<CatalogItemStatus, Role>> = {
  save: { from: { DRAFT: ["clerk"] }, to: "DRAFT", event: "catalog.save", forbidden: "只有本单位的填报人可以修改", stateRefusal: notDraft("只有草稿可以修改") },
  attach: {
    from: { DRAFT: ["clerk"] },
    to: "DRAFT",
    event: "catalog.attach",
    forbidden: "只有本单位的填报人可以上传附件",
    stateRefusal: notDraft("只有草稿可以修改附件"),
  },
  detach: {
    from: { DRAFT: ["clerk"] },
    to: "DRAFT",
    event: "catalog.detach",
    forbidden: "只有本单位的填报人可以删除附件",
    stateRefusal: notDraft("只有草稿可以修改附件"),
  },
  submit: { from: { DRAFT: ["clerk"] }, to: "SUBMITTED", event: "catalog.submit", forbidden: "只有本单位的填报人可以提交" },
  withdraw: { from: { SUBMITTED: ["clerk"] }, to: "DRAFT", event: "catalog.withdraw", forbidden: "只有本单位的填报人可以撤回" },
  return: { from: { SUBMITTED: ["reviewer"] }, to: "DRAFT", event: "catalog.return", forbidden: "只有本单位的审核人可以退回" },
  // The approval is the publication: recorded as catalog.publish, a refused one as catalog.approve.
  approve: {
    from: { SUBMITTED: ["reviewer"] },
    to: "PUBLISHED",
    notByAuthor: true,
    event: "catalog.publish",
    refusalEvent: "catalog.approve",
    forbidden: "只有本单位的审核人可以审核发布",
  },
  changeValidity: { from: { PUBLISHED: ["reviewer"] }, to: "PUBLISHED", event: "catalog.validity", forbidden: "只有本单位的审核人可以变更有效性" },
};

export interface CatalogSubject {
  status: CatalogItemStatus;
  organization: { id: string; parentId: string | null; ancestorIds: string[] };
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

export const CATALOG_OBJECT = "catalog_item";

async function lockAndLoadItem(tx: Prisma.TransactionClient, itemId: string) {
  await tx.$queryRaw`SELECT id FROM catalog_item WHERE id = ${itemId}::uuid FOR UPDATE`;
  return tx.catalogItem.findUnique({ where: { id: itemId }, include: { organization: true } });
}

export type LoadedItem = NonNullable<Awaited<ReturnType<typeof lockAndLoadItem>>>;

/** Events by which someone writes an item's content. */
const WRITING_EVENTS = ["catalog.create", "catalog.save", "catalog.import", "catalog.attach", "catalog.detach"];

/**
 * Whoever drafted, edited, submitted or changed the files of an item helped
 * write it, and may not approve it (separation of duties).
 */
async function helpedWrite(prisma: Client, actor: Actor, item: { id: string; submittedById: string | null; lastEditedById: string | null }) {
  if (item.submittedById === actor.accountId || item.lastEditedById === actor.accountId) return true;
  const writes = await prisma.auditEvent.count({
    where: { objectType: CATALOG_OBJECT, objectId: item.id, event: { in: WRITING_EVENTS }, result: "success", actor: actor.username },
  });
  return writes > 0;
}

async function subjectOf(prisma: Client, actor: Actor, item: LoadedItem): Promise<CatalogSubject> {
  return {
    status: item.status,
    organization: item.organization,
    // Only approving a submission asks who wrote it: one query, then.
    actorHelpedWrite: item.status === "SUBMITTED" ? await helpedWrite(prisma, actor, item) : false,
  };
}

export const catalogWorkflow: Workflow<CatalogItemStatus, CatalogStep, Role, CatalogSubject, LoadedItem> = {
  lifecycle: catalogLifecycle,
  objectType: CATALOG_OBJECT,
  notFound: "未找到该信息",
  lockAndLoad: lockAndLoadItem,
  subjectOf,
};

/** The steps the actor may take on the item: what its page offers, and why approving is barred if it is. */
export async function catalogStepsFor(prisma: Client, actor: Actor, item: LoadedItem) {
  const subject = await subjectOf(prisma, actor, item);
  return { steps: allowedSteps(catalogLifecycle, actor, subject), approveRefusal: stepRefusal(catalogLifecycle, actor, subject, "approve") };
}

/** Takes a step on an item: row lock, the table's decision, the change and its audit in one transaction. */
export function runCatalogStep<R>(
  prisma: PrismaClient,
  actor: Actor,
  itemId: string,
  step: CatalogStep,
  change: (tx: Prisma.TransactionClient, item: LoadedItem) => Promise<StepDone<R>>,
): Promise<R> {
  return runStep(prisma, catalogWorkflow, actor, itemId, step, change);
}

/** Whether the server would let the actor take the step now (audited when not), without taking it. */
export function checkCatalogStep(prisma: PrismaClient, actor: Actor, itemId: string, step: CatalogStep) {
  return checkStep(prisma, catalogWorkflow, actor, itemId, step);
}

/** Someone else acted on the item since it was read. */
export const itemAlreadyHandled = () => staleRefusal(catalogWorkflow);

/**
 * A step that only moves the item between states, at the version the person
 * read: a stale reading is refused, so nothing is decided on what they did not see.
 */
export function transitionItem(
  prisma: PrismaClient,
  actor: Actor,
  input: { itemId: string; baseVersion: number },
  step: CatalogStep,
  data: Prisma.CatalogItemUncheckedUpdateInput,
  detail?: Prisma.InputJsonValue,
): Promise<void> {
  return runCatalogStep(prisma, actor, input.itemId, step, async (tx, item) => {
    if (item.version !== input.baseVersion) throw itemAlreadyHandled();
    await tx.catalogItem.update({ where: { id: item.id }, data: { ...data, version: { increment: 1 } } });
    return { result: undefined, detail };
  });
}
