// 雷同 with another unit compares against drafts of units the reader may not
// see. A clerk learns only that the text is close to another unit's report;
// the unit's reviewer also learns which unit; the 主管部门 over the group of
// units compared (its government's, or one above), who may read every
// unit's working copy, sees the other passage beside it.
import { hasRole, type Actor } from "@/lib/auth/actor";
import { supervises } from "@/lib/organizations/tree";
import { narrativeSections, sectionHeading, type Finding, type ReportFormat } from "@/lib/report-format";
import { peerGroupOf } from "./check-context";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";

export type PeerVisibility = "anonymous" | "named" | "full";

export function peerVisibility(actor: Actor, unit: { id: string; kind: OrganizationKind; parentId: string | null; ancestorIds: string[] }): PeerVisibility {
  if (supervises(actor, peerGroupOf(unit))) return "full";
  if (hasRole(actor, unit.id, "REVIEWER")) return "named";
  return "anonymous";
}

/** The findings as this reader may see them: other units' names and text taken out where they may not. */
export function findingsVisibleTo(format: ReportFormat, findings: readonly Finding[], visibility: PeerVisibility): Finding[] {
  if (visibility === "full") return [...findings];
  const headings = new Map(narrativeSections(format).map((s) => [s.key as string, sectionHeading(s)]));
  return findings.map((finding) => {
    if (!finding.peer) return finding;
    const rest = { ...finding };
    delete rest.beside;
    if (visibility === "named") return rest;
    delete rest.peer;
    const heading = finding.section ? headings.get(finding.section) : undefined;
    const { statement } = format.rules.meta[finding.rule];
    return { ...rest, message: `${statement}${heading ? `：“${heading}”` : ""}，请按本单位实际情况重写` };
  });
}
