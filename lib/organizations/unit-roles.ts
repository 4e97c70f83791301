// What a person may do for a unit, by their role for it: draft its reports
// and catalog items, review them, publish them, read what is not yet public.
// One neutral place for reports, the catalog, supervision and audit alike.
// Decided from the actor's roles and the organization as stored, never from
// what the client sends.
import { hasRole, type Actor } from "@/lib/auth/actor";
import { supervises, type TreeNode } from "./tree";

type OrganizationRef = TreeNode;

/** 审核人 of the unit review and approve its submissions (reports and catalog items). */
export function canReview(actor: Actor, organization: OrganizationRef): boolean {
  return hasRole(actor, organization.id, "REVIEWER");
}

/**
 * Publishing is the reviewer's, or — where reports are filed before they are
 * published (先备案后公布) — the 主管部门 over the unit (its government's, or
 * one above it).
 */
export function canPublish(
  actor: Actor,
  organization: OrganizationRef & { publisher: "REVIEWER" | "SUPERVISOR" },
): boolean {
  return organization.publisher === "REVIEWER"
    ? hasRole(actor, organization.id, "REVIEWER")
    : supervises(actor, organization);
}

/** 填报人 of the unit write its drafts (reports and catalog items). Administrators do not edit content. */
export function canDraft(actor: Actor, organization: OrganizationRef): boolean {
  return hasRole(actor, organization.id, "CLERK");
}

/** Unpublished content is for the unit's own clerks and reviewers and the 主管部门 over it, at any level. */
export function canReadUnpublished(actor: Actor, organization: OrganizationRef): boolean {
  return (
    hasRole(actor, organization.id, "CLERK") ||
    hasRole(actor, organization.id, "REVIEWER") ||
    supervises(actor, organization)
  );
}
