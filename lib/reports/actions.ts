"use server";

import { createAction } from "@/lib/actions/safe-action";
import { saveReport, ZSaveReportInput } from "./save-report";
import { startReport, ZStartReportInput } from "./start-report";

export const saveReportAction = createAction(ZSaveReportInput, (actor, input) => saveReport(actor, input));

export const startReportAction = createAction(ZStartReportInput, (actor, input) => startReport(actor, input));
