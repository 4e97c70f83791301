// The catalog's inputs, shared by forms, Server Actions and the import, so
// one definition says what a valid item is. Safe to import on the client.
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters, refineWith, titleProblem } from "@/lib/validation/plain-text";
import { catalogCategoryKeys } from "./categories";
import { parseChinaDateTime } from "./china-time";

const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((text) => text === "" || (/^\d{4}-\d{2}-\d{2}$/.test(text) && parseChinaDateTime(text) !== null), {
      message: `${label}应为“2024-01-24”格式的日期`,
    });

/** A text field that refuses control characters (a NUL from a paste) with a message, instead of failing in the database. */
const plain = (schema: z.ZodString) => schema.refine((text) => !hasControlCharacters(text), CONTROL_CHARACTER_MESSAGE);
/** A line shown as a heading or a name: no control characters and no direction overrides either. */
const line = (schema: z.ZodString) => schema.superRefine(refineWith(titleProblem));

const itemFields = {
    title: line(z.string().trim().min(2, "请填写标题（至少2个字）").max(300, "标题过长（最多300字）")),
    body: plain(z.string().max(200_000, "正文过长（最多20万字）")).default(""),
    category: z.enum(catalogCategoryKeys, { error: "请选择信息类别" }),
    subject: plain(z.string().trim().max(100, "主题分类过长")).default(""),
    documentNumber: plain(z.string().trim().max(100, "文号过长")).default(""),
    issuer: line(z.string().trim().min(2, "请填写发布机构").max(100, "发布机构过长")),
    writtenOn: isoDate("成文日期").default(""),
    /** 补录: the date an item was already published on the old portal; empty for new items. */
    originalPublishedAt: z
      .string()
      .trim()
      .refine((text) => text === "" || parseChinaDateTime(text) !== null, {
        message: "原发布日期应为“2024-01-24”或“2024-01-24 09:30”格式",
      })
      .refine((text) => text === "" || parseChinaDateTime(text)!.getTime() <= Date.now(), { message: "原发布日期不能晚于今天" })
      .default(""),
    validity: z.enum(["VALID", "REPEALED", "EXPIRED"], { error: "请选择有效性" }).default("VALID"),
    validityEndedOn: isoDate("废止或失效日期").default(""),
};

/** 已废止 / 已失效 say since when; 有效 has no end date. */
const validityHasDate: [
  (item: { validity: string; validityEndedOn: string }) => boolean,
  { message: string; path: string[] },
] = [
  (item) => (item.validity === "VALID") === (item.validityEndedOn === ""),
  { message: "已废止或已失效的信息请填写废止或失效日期；有效的信息不填", path: ["validityEndedOn"] },
];

export const ZCatalogItemFields = z.object(itemFields).refine(...validityHasDate);
export type TCatalogItemFields = z.output<typeof ZCatalogItemFields>;

export const ZCreateCatalogItemInput = z.object({ organizationId: z.uuid(), ...itemFields }).refine(...validityHasDate);

export const ZSaveCatalogItemInput = z
  .object({
    itemId: z.uuid(),
    /** The version the clerk read: a save on top of someone else's newer save is refused. */
    baseVersion: z.coerce.number().int().min(1),
    ...itemFields,
  })
  .refine(...validityHasDate);

export const ZCatalogItemRef = z.object({ itemId: z.uuid(), baseVersion: z.coerce.number().int().min(1) });

export const ZReturnCatalogItemInput = ZCatalogItemRef.extend({
  comment: z.string().trim().min(1, "请填写退回意见").max(2000, "意见过长（最多2000字）"),
});

export const ZChangeValidityInput = z
  .object({
    itemId: z.uuid(),
    baseVersion: z.coerce.number().int().min(1),
    validity: itemFields.validity,
    validityEndedOn: itemFields.validityEndedOn,
  })
  .refine(...validityHasDate);
