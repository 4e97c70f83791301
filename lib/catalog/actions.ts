"use server";

import { createAction } from "@/lib/actions/safe-action";
import { z } from "zod";
import { approveCatalogItem } from "./approve-item";
import { removeCatalogAttachment } from "./attachments";
import { changeCatalogItemValidity } from "./change-validity";
import { createCatalogItem } from "./create-item";
import { returnCatalogItem } from "./return-item";
import { saveCatalogItem } from "./save-item";
import {
  ZCatalogItemRef,
  ZChangeValidityInput,
  ZCreateCatalogItemInput,
  ZReturnCatalogItemInput,
  ZSaveCatalogItemInput,
} from "./schemas";
import { submitCatalogItem, withdrawCatalogItem } from "./submit-item";

export const createCatalogItemAction = createAction(ZCreateCatalogItemInput, (actor, input) => createCatalogItem(actor, input));
export const saveCatalogItemAction = createAction(ZSaveCatalogItemInput, (actor, input) => saveCatalogItem(actor, input));
export const submitCatalogItemAction = createAction(ZCatalogItemRef, (actor, input) => submitCatalogItem(actor, input));
export const withdrawCatalogItemAction = createAction(ZCatalogItemRef, (actor, input) => withdrawCatalogItem(actor, input));
export const returnCatalogItemAction = createAction(ZReturnCatalogItemInput, (actor, input) => returnCatalogItem(actor, input));
export const approveCatalogItemAction = createAction(ZCatalogItemRef, (actor, input) => approveCatalogItem(actor, input));
export const changeCatalogItemValidityAction = createAction(ZChangeValidityInput, (actor, input) =>
  changeCatalogItemValidity(actor, input),
);
export const removeCatalogAttachmentAction = createAction(z.object({ attachmentId: z.uuid() }), (actor, input) =>
  removeCatalogAttachment(actor, input),
);
