"use server";

import { headers } from "next/headers";
import { createAction, toActionError } from "@/lib/actions/safe-action";
import { fieldErrorsOf } from "@/lib/actions/field-errors";
import { sourceIpFrom } from "@/lib/auth/source-ip";
import { acceptInvitation } from "./accept-invitation";
import { issueInvitation } from "./issue-invitation";
import { ZAcceptInvitationInput, ZIssueInvitationInput } from "./schemas";

/** The new link is returned once, to the administrator who asked; it is not kept anywhere it could be read again. */
export const issueInvitationAction = createAction(ZIssueInvitationInput, async (actor, input) => {
  const issued = await issueInvitation(actor, input);
  return { username: issued.username, path: issued.path, url: issued.url, expiresAt: issued.expiresAt.toISOString(), mailed: issued.mailed };
});

export type AcceptInvitationState =
  | { ok: true; username: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> }
  | null;

/**
 * The invited person is not signed in: this action takes no session (the
 * token is the credential) and so does not go through createAction. A form
 * action for useActionState, so that it works before the page's script loads.
 */
export async function acceptInvitationAction(_previous: AcceptInvitationState, form: FormData): Promise<AcceptInvitationState> {
  const parsed = ZAcceptInvitationInput.safeParse({
    token: form.get("token"),
    password: form.get("password"),
    confirmPassword: form.get("confirmPassword"),
  });
  if (!parsed.success) return { ok: false, message: "输入有误，请检查后重试", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const requestHeaders = await headers();
    const { username } = await acceptInvitation(parsed.data, sourceIpFrom((name) => requestHeaders.get(name)));
    return { ok: true, username };
  } catch (error) {
    const failure = toActionError(error);
    return { ok: false, message: failure.message };
  }
}
