// After each step, from the database: every acknowledged save is there, and
// nothing else. Per report the versions acknowledged are exactly those the
// step added (none lost, none counted twice), the working copy is the draft
// of the last acknowledged save, every save has its audit row, and a
// conflict was answered only where another clerk had saved first, and the
// findings stored for the boards are those of the version saved last.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { contentOfWorkingCopy } from "@/lib/reports/editor-content";
import { valuesOf } from "./edits";
import type { StepRecord } from "./traffic";

export interface Snapshot {
  versions: Map<string, number>;
  auditedSaves: number;
}

export async function snapshot(prisma: PrismaClient, reportIds: readonly string[]): Promise<Snapshot> {
  const reports = await prisma.report.findMany({ where: { id: { in: [...reportIds] } }, select: { id: true, version: true } });
  const auditedSaves = await prisma.auditEvent.count({
    where: { event: "report.save", result: "success", objectType: "report", objectId: { in: [...reportIds] } },
  });
  return { versions: new Map(reports.map((r) => [r.id, r.version])), auditedSaves };
}

/** The problems found; none is the only acceptable answer. */
export async function verifyStep(prisma: PrismaClient, reportIds: readonly string[], before: Snapshot, record: StepRecord): Promise<string[]> {
  const problems: string[] = [];
  const after = await snapshot(prisma, reportIds);
  if (after.auditedSaves - before.auditedSaves !== record.acks.length) {
    problems.push(`audit rows of saves: ${after.auditedSaves - before.auditedSaves}, acknowledged saves: ${record.acks.length}`);
  }
  for (const reportId of reportIds) {
    const acks = record.acks.filter((a) => a.reportId === reportId).sort((a, b) => a.version - b.version);
    const start = before.versions.get(reportId)!;
    const end = after.versions.get(reportId)!;
    const expected = Array.from({ length: end - start }, (_, i) => start + 1 + i).join(",");
    if (acks.map((a) => a.version).join(",") !== expected) {
      problems.push(`${reportId}: versions ${start}→${end}, acknowledged ${acks.map((a) => a.version).join(",") || "none"}`);
      continue;
    }
    const last = acks.at(-1);
    if (!last) continue;
    const stored = await prisma.report.findUniqueOrThrow({ where: { id: reportId }, include: { sections: true, cells: true } });
    const content = contentOfWorkingCopy(stored);
    const sent = last.draft;
    const sameText =
      content.title === sent.title &&
      content.signatureLine === sent.signatureLine &&
      content.signedOn === sent.signedOn &&
      Object.entries(sent.sections).every(([key, body]) => (content.sections[key] ?? "") === body);
    const sameCells = Object.entries(valuesOf(sent)).every(([key, value]) => content.values[key] === value);
    if (!sameText || !sameCells) problems.push(`${reportId}: the working copy is not the last acknowledged save (v${last.version})`);
  }
  const checks = new Map((await prisma.reportCheck.findMany({ where: { reportId: { in: [...reportIds] } }, select: { reportId: true, version: true } })).map((c) => [c.reportId, c.version]));
  for (const reportId of reportIds) {
    if (checks.get(reportId) !== after.versions.get(reportId)) {
      problems.push(`${reportId}: stored findings of v${checks.get(reportId) ?? "none"}, the report is at v${after.versions.get(reportId)}`);
    }
  }
  for (const conflict of record.conflicts) {
    if (!conflict.shared) problems.push(`${conflict.reportId}: a conflict on a report only one clerk edits`);
    else if (conflict.got <= conflict.sent) problems.push(`${conflict.reportId}: conflict answered with v${conflict.got} for a save based on v${conflict.sent}`);
  }
  return problems;
}
