"use server";

import { createAction } from "@/lib/actions/safe-action";
import {
  changeOwnPassword,
  createAccount,
  grantRole,
  resetPassword,
  revokeRole,
  setAccountDisabled,
  updateAccountContact,
} from "@/lib/accounts/account-mutations";
import {
  ZAccountContactInput,
  ZChangeOwnPasswordInput,
  ZCreateAccountInput,
  ZResetPasswordInput,
  ZRoleInput,
  ZSetDisabledInput,
} from "@/lib/accounts/schemas";
import { createOrganization } from "@/lib/organizations/create-organization";
import { ZCreateOrganizationInput, ZMoveOrganizationInput, ZUpdateOrganizationSettingsInput } from "@/lib/organizations/schemas";
import { moveOrganization } from "@/lib/organizations/move-organization";
import { updateOrganizationSettings } from "@/lib/organizations/update-organization";

export const createOrganizationAction = createAction(ZCreateOrganizationInput, (actor, input) =>
  createOrganization(actor, input),
);
export const updateOrganizationSettingsAction = createAction(ZUpdateOrganizationSettingsInput, (actor, input) =>
  updateOrganizationSettings(actor, input),
);
export const createAccountAction = createAction(ZCreateAccountInput, (actor, input) => createAccount(actor, input));
export const grantRoleAction = createAction(ZRoleInput, (actor, input) => grantRole(actor, input));
export const revokeRoleAction = createAction(ZRoleInput, (actor, input) => revokeRole(actor, input));
export const setAccountDisabledAction = createAction(ZSetDisabledInput, (actor, input) => setAccountDisabled(actor, input));
export const resetPasswordAction = createAction(ZResetPasswordInput, (actor, input) => resetPassword(actor, input));
export const changeOwnPasswordAction = createAction(ZChangeOwnPasswordInput, (actor, input) =>
  changeOwnPassword(actor, input),
);
export const updateAccountContactAction = createAction(ZAccountContactInput, (actor, input) => updateAccountContact(actor, input));
export const moveOrganizationAction = createAction(ZMoveOrganizationInput, (actor, input) => moveOrganization(actor, input));
