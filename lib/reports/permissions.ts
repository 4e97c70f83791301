// Who may do what with an organization's reports. Decided from the actor's
// roles and the organization as stored, never from what the client sends.
import { hasRole, type Actor } from "@/lib/auth/actor";

interface OrganizationRef {
  id: string;
  parentId: string | null;
}

/** 审核人 of the organization review and approve its submissions. */
export function canReviewReportsOf(actor: Actor, organization: OrganizationRef): boolean {
  return hasRole(actor, organization.id, "REVIEWER");
}

/**
 * Publishing is the reviewer's, or — where reports are filed before they are
 * published (先备案后公布) — the county's 主管部门.
 */
export function canPublishReportsOf(
  actor: Actor,
  organization: OrganizationRef & { publisher: "REVIEWER" | "SUPERVISOR" },
): boolean {
  return organization.publisher === "REVIEWER"
    ? hasRole(actor, organization.id, "REVIEWER")
    : hasRole(actor, organization.parentId ?? organization.id, "SUPERVISOR");
}

/** 填报人 of the organization edit its drafts. Administrators do not edit content. */
export function canEditReportsOf(actor: Actor, organization: OrganizationRef): boolean {
  return hasRole(actor, organization.id, "CLERK");
}

/** Unpublished content is for the unit's own clerks and reviewers and its 主管部门. */
export function canReadWorkingCopyOf(actor: Actor, organization: OrganizationRef): boolean {
  return (
    hasRole(actor, organization.id, "CLERK") ||
    hasRole(actor, organization.id, "REVIEWER") ||
    hasRole(actor, organization.id, "SUPERVISOR") ||
    (organization.parentId !== null && hasRole(actor, organization.parentId, "SUPERVISOR"))
  );
}
