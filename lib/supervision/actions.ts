"use server";

import { createAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { requireSupervisedGovernment } from "./government-access";
import { saveDeadlines } from "@/lib/deadlines/deadline-settings";
import { ZSaveDeadlinesInput } from "./schemas";
import { remindUnits, ZRemindUnitsInput } from "./remind-units";

export const saveDeadlinesAction = createAction(ZSaveDeadlinesInput, async (actor, input) => {
  const { government } = await requireSupervisedGovernment(actor, input.governmentSlug, db());
  await saveDeadlines(db(), actor, government.id, input.year, input.changes);
  return { saved: true };
});

export const remindUnitsAction = createAction(ZRemindUnitsInput, (actor, input) => remindUnits(actor, input, db()));
