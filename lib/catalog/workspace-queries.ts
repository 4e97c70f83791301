// What staff see of their units' catalogs: every status, only for units the
// actor holds a role in (or supervises). Another unit's drafts are
// indistinguishable from missing ones.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CatalogItemStatus } from "@/lib/generated/prisma/enums";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canDraft, canReadUnpublished, canReview } from "@/lib/organizations/unit-roles";
import { rootsOf } from "@/lib/organizations/tree";
import { catalogStepsFor } from "./catalog-steps";
import { dateTimeInChina } from "./china-time";

/** The organizations whose catalogs the actor works on, with what they may do there. */
export async function listCatalogWorkspaces(actorOrNull: Actor | null, prisma: PrismaClient = db()) {
  const actor = requireActor(actorOrNull);
  const ids = [...new Set(actor.roles.filter((r) => r.role !== "ADMINISTRATOR").map((r) => r.organizationId))];
  // A 主管部门 sees the catalogs on its board (its government and the units
  // directly under it); deeper units are reached through the board below.
  const organizations = await prisma.organization.findMany({
    where: { OR: [{ id: { in: ids } }, { parentId: { in: rootsOf(actor, "SUPERVISOR") } }] },
    select: { id: true, slug: true, name: true, shortName: true, parentId: true, ancestorIds: true },
    orderBy: { slug: "asc" },
  });
  return organizations
    .filter((org) => canReadUnpublished(actor, org))
    .map((org) => ({ ...org, canEdit: canDraft(actor, org), canReview: canReview(actor, org) }));
}

/** The organization to draft for, when the actor is its clerk; null otherwise (the actions check again). */
export async function findDraftableOrganization(actor: Actor | null, organizationId: string | undefined, prisma: PrismaClient = db()) {
  if (!organizationId) return null;
  return (await listCatalogWorkspaces(actor, prisma)).find((o) => o.id === organizationId && o.canEdit) ?? null;
}

const listColumns = {
  id: true,
  title: true,
  category: true,
  status: true,
  updatedAt: true,
  publishedAt: true,
  indexNumber: true,
  returnComment: true,
} as const;

/** An organization's items that are not yet public, and the latest public ones. */
export async function listWorkspaceItems(
  actorOrNull: Actor | null,
  organizationId: string,
  options: { status: CatalogItemStatus; limit?: number },
  prisma: PrismaClient = db(),
) {
  const actor = requireActor(actorOrNull);
  const organization = await prisma.organization.findUnique({ where: { id: organizationId } });
  if (!organization || !canReadUnpublished(actor, organization)) throw new AppError("NOT_FOUND", "未找到该机构");
  return prisma.catalogItem.findMany({
    where: { organizationId, status: options.status },
    select: listColumns,
    orderBy: options.status === "PUBLISHED" ? [{ publishedAt: "desc" }, { id: "desc" }] : [{ updatedAt: "desc" }],
    take: options.limit ?? 100,
  });
}

export type WorkspaceListItem = Awaited<ReturnType<typeof listWorkspaceItems>>[number];

const UNPUBLISHED_PER_UNIT = 200;
const RECENT_PER_UNIT = 20;

/**
 * The catalog page of the workspace: for every unit the actor works on, the
 * items to review, the drafts and the latest published — in two queries
 * whatever the number of units (a county's 主管部门 may see dozens).
 */
export async function listCatalogWorkload(actorOrNull: Actor | null, prisma: PrismaClient = db()) {
  const organizations = await listCatalogWorkspaces(actorOrNull, prisma);
  const ids = organizations.map((org) => org.id);
  const [unpublished, recent] = await Promise.all([
    prisma.catalogItem.findMany({
      where: { organizationId: { in: ids }, status: { in: ["SUBMITTED", "DRAFT"] } },
      select: { ...listColumns, organizationId: true },
      orderBy: [{ updatedAt: "desc" }],
      take: UNPUBLISHED_PER_UNIT * Math.max(1, ids.length),
    }),
    ids.length === 0
      ? []
      : prisma.$queryRaw<(WorkspaceListItem & { organizationId: string })[]>`
          select id, title, category, status, updated_at as "updatedAt", published_at as "publishedAt",
                 index_number as "indexNumber", return_comment as "returnComment", organization_id as "organizationId"
            from (select *, row_number() over (partition by organization_id order by published_at desc, id desc) as n
                    from catalog_item
                   where organization_id = any(${ids}::uuid[]) and status = 'PUBLISHED') latest
           where n <= ${RECENT_PER_UNIT}
           order by published_at desc, id desc`,
  ]);
  const of = (orgId: string, items: (WorkspaceListItem & { organizationId: string })[], status?: CatalogItemStatus) =>
    items.filter((item) => item.organizationId === orgId && (!status || item.status === status)).slice(0, UNPUBLISHED_PER_UNIT);
  return organizations.map((org) => ({
    org,
    submitted: of(org.id, unpublished, "SUBMITTED"),
    drafts: of(org.id, unpublished, "DRAFT"),
    published: of(org.id, recent),
  }));
}

export interface WorkspaceItem {
  id: string;
  organization: { id: string; slug: string; name: string };
  status: CatalogItemStatus;
  version: number;
  fields: {
    title: string;
    body: string;
    category: string;
    subject: string;
    documentNumber: string;
    issuer: string;
    writtenOn: string;
    originalPublishedAt: string;
    validity: "VALID" | "REPEALED" | "EXPIRED";
    validityEndedOn: string;
  };
  indexNumber: string | null;
  returnComment: string | null;
  attachments: { id: string; fileName: string; size: number }[];
  can: { edit: boolean; attach: boolean; detach: boolean; submit: boolean; withdraw: boolean; review: boolean; approve: boolean; changeValidity: boolean };
  /** Why this reviewer may not approve, when they may not. */
  approveBlockedReason: string | null;
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export async function getWorkspaceItem(actorOrNull: Actor | null, itemId: string, prisma: PrismaClient = db()): Promise<WorkspaceItem> {
  const actor = requireActor(actorOrNull);
  const item = await prisma.catalogItem.findUnique({
    where: { id: itemId },
    include: {
      organization: true,
      attachments: { select: { id: true, fileName: true, size: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!item || !canReadUnpublished(actor, item.organization)) throw new AppError("NOT_FOUND", "未找到该信息");
  // What the item page offers: the steps table, as the server applies it (catalog-steps.ts).
  const { steps, approveRefusal } = await catalogStepsFor(prisma, actor, item);
  return {
    id: item.id,
    organization: { id: item.organization.id, slug: item.organization.slug, name: item.organization.name },
    status: item.status,
    version: item.version,
    fields: {
      title: item.title,
      body: item.body,
      category: item.category,
      subject: item.subject,
      documentNumber: item.documentNumber,
      issuer: item.issuer,
      writtenOn: isoDate(item.writtenOn),
      // Before publication a set 发布日期 can only be one the clerk gave for 补录.
      originalPublishedAt: item.status !== "PUBLISHED" && item.publishedAt ? dateTimeInChina(item.publishedAt) : "",
      validity: item.validity,
      validityEndedOn: isoDate(item.validityEndedOn),
    },
    indexNumber: item.indexNumber,
    returnComment: item.status === "DRAFT" ? item.returnComment : null,
    attachments: item.attachments,
    can: {
      edit: steps.has("save"),
      attach: steps.has("attach"),
      detach: steps.has("detach"),
      submit: steps.has("submit"),
      withdraw: steps.has("withdraw"),
      review: steps.has("return") || steps.has("approve"),
      approve: steps.has("approve"),
      changeValidity: steps.has("changeValidity"),
    },
    approveBlockedReason: approveRefusal?.kind === "separation" ? "您起草、修改或提交了该信息，需由其他审核人审核发布" : null,
  };
}
