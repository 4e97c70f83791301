"use server";

import { z } from "zod";
import { createAction } from "@/lib/actions/safe-action";
import { markRead } from "./inbox";

export const markReadAction = createAction(z.object({ notificationId: z.uuid().optional() }), (actor, input) => markRead(actor, input));
