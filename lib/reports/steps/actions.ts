"use server";

import { createAction } from "@/lib/actions/safe-action";
import { approveReport } from "./approve-report";
import { publishReport } from "./publish-report";
import { returnReport } from "./return-report";
import {
  ZApproveReportInput,
  ZReportRef,
  ZReturnReportInput,
  ZReviewDecisionInput,
  ZStartCorrectionInput,
  ZSubmitReportInput,
} from "./schemas";
import { startCorrection } from "./start-correction";
import { submitReport } from "./submit-report";
import { withdrawReport } from "./withdraw-report";

export const submitReportAction = createAction(ZSubmitReportInput, (actor, input) => submitReport(actor, input));
export const withdrawReportAction = createAction(ZReportRef, (actor, input) => withdrawReport(actor, input));
export const returnReportAction = createAction(ZReturnReportInput, (actor, input) => returnReport(actor, input));
export const approveReportAction = createAction(ZApproveReportInput, (actor, input) => approveReport(actor, input));
export const publishReportAction = createAction(ZReviewDecisionInput, (actor, input) => publishReport(actor, input));
export const startCorrectionAction = createAction(ZStartCorrectionInput, (actor, input) => startCorrection(actor, input));
