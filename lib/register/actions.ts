"use server";

import { createAction } from "@/lib/actions/safe-action";
import type { OutcomeCounts } from "./types";
import { ZConfirmRegisterInput } from "./schemas";
import { confirmRegister } from "./uploads";

export interface ConfirmedInvitation {
  username: string;
  displayName: string;
  unit: string;
  path: string;
  url: string;
  expiresAt: string;
  mailed: boolean;
}

export type ConfirmRegisterState =
  | null
  | { ok: true; counts: { units: OutcomeCounts; accounts: OutcomeCounts }; invitations: ConfirmedInvitation[] }
  | { ok: false; code: string; message: string };

const confirm = createAction(ZConfirmRegisterInput, async (actor, input) => {
  const result = await confirmRegister(actor, input);
  // The links go to this response only: nothing keeps the tokens, so this page is the one place they are shown.
  return {
    counts: result.counts,
    invitations: result.invitations.map((i) => ({
      username: i.username,
      displayName: i.displayName,
      unit: i.unit,
      path: i.path,
      url: i.url,
      expiresAt: i.expiresAt.toISOString(),
      mailed: i.mailed,
    })),
  };
});

/** A form action for useActionState: it works before the page's script has loaded, too. */
export async function confirmRegisterAction(_previous: ConfirmRegisterState, form: FormData): Promise<ConfirmRegisterState> {
  const result = await confirm({ uploadId: String(form.get("uploadId") ?? ""), digest: String(form.get("digest") ?? "") });
  return result.ok ? { ok: true, ...result.data } : { ok: false, code: result.code, message: result.message };
}
