// One runner for every workflow step, of reports and of catalog items alike:
// in one transaction it locks the subject's row, asks the lifecycle table
// whether the actor may take the step now, makes the change and writes the
// audit row. A refused attempt is audited in the same transaction (which
// then changes nothing else) and reaches the caller as an AppError.
//
// The row lock is what makes the decision hold: of two people acting on the
// same report at once, the second waits, then reads the state the first left
// and is refused by the table — no step file re-checks the state itself.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { actorEventInput } from "@/lib/audit/actor-audit";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import { AppError } from "@/lib/errors";
import { stepRefusal, type Lifecycle, type StepRefusal } from "./lifecycle";

type Tx = Prisma.TransactionClient;
type Client = PrismaClient | Tx;

/** A lifecycle together with where its subjects are stored. */
export interface Workflow<Status extends string, Step extends string, Role extends string, Subject extends { status: Status }, Loaded extends { id: string; status: Status }> {
  lifecycle: Lifecycle<Status, Step, Role, Subject>;
  /** The audit rows' object type. */
  objectType: string;
  notFound: string;
  /** Loads the subject, its row locked until the transaction ends (SELECT … FOR UPDATE); null when there is none. */
  lockAndLoad(tx: Tx, id: string): Promise<Loaded | null>;
  /** The facts the table decides on, for this actor. */
  subjectOf(prisma: Client, actor: Actor, loaded: Loaded): Promise<Subject>;
}

/** What a step's change hands back: its result, the detail of its audit row, and any further audit events it caused. */
export interface StepDone<R> {
  result: R;
  /** False when the change found nothing to do (a stale save handing back the newer text): no audit row, as nothing changed. */
  changed?: boolean;
  detail?: Prisma.InputJsonValue;
  also?: { event: string; detail?: Prisma.InputJsonValue }[];
}

/**
 * A refusal the change itself finds (publishing a revision that is not the
 * approved one): the transaction rolls back, then the attempt is audited
 * with its reason on its own.
 */
export class StepRefused extends AppError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super("CONFLICT", message);
  }
}

/** The refusal of a stale reading (someone else acted first): the table's own words. */
export function staleRefusal(workflow: { lifecycle: { stateRefusal: string } }): AppError {
  return new AppError("CONFLICT", workflow.lifecycle.stateRefusal);
}

function refusalError(lifecycle: Lifecycle<string, string, string, { status: string }>, step: string, refusal: StepRefusal): { error: AppError; reason: string } {
  if (refusal.kind === "state") {
    const special = lifecycle.steps[step]!.stateRefusal;
    return special ? { error: new AppError("CONFLICT", special.message), reason: special.reason } : { error: new AppError("CONFLICT", refusal.message), reason: "state" };
  }
  return { error: new AppError("FORBIDDEN", refusal.message), reason: refusal.kind === "separation" ? "separation-of-duties" : "forbidden" };
}

async function guarded<Status extends string, Step extends string, Role extends string, Subject extends { status: Status }, Loaded extends { id: string; status: Status }, R>(
  prisma: PrismaClient,
  workflow: Workflow<Status, Step, Role, Subject, Loaded>,
  actor: Actor,
  id: string,
  step: Step,
  change: ((tx: Tx, loaded: Loaded) => Promise<StepDone<R>>) | null,
): Promise<R | Loaded> {
  const rule = workflow.lifecycle.steps[step];
  const outcome = await prisma.$transaction((tx) => attempt(tx)).catch(async (error: unknown) => {
    if (error instanceof StepRefused) {
      await prisma.$transaction((tx) =>
        recordAuditEvent(tx, { ...actorEventInput(actor, rule.refusalEvent ?? rule.event, { type: workflow.objectType, id }, { reason: error.reason }), result: "failure" }),
      );
    }
    throw error;
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.done;

  async function attempt(tx: Tx): Promise<{ refused: AppError } | { done: R | Loaded }> {
    const loaded = await workflow.lockAndLoad(tx, id);
    if (!loaded) throw new AppError("NOT_FOUND", workflow.notFound);
    const object = { type: workflow.objectType, id: loaded.id };
    const refusal = stepRefusal(workflow.lifecycle, actor, await workflow.subjectOf(tx, actor, loaded), step);
    if (refusal) {
      const { error, reason } = refusalError(workflow.lifecycle as never, step, refusal);
      // Committed with nothing else: the attempt is on record, the subject unchanged.
      const event = (refusal.kind === "forbidden" && rule.forbiddenEvent) || rule.refusalEvent || rule.event;
      await recordAuditEvent(tx, { ...actorEventInput(actor, event, object, { reason }), result: "failure" });
      return { refused: error };
    }
    if (!change) return { done: loaded };
    const { result, detail, also = [], changed = true } = await change(tx, loaded);
    if (!changed) return { done: result };
    await recordAuditEvent(tx, actorEventInput(actor, rule.event, object, detail));
    for (const further of also) await recordAuditEvent(tx, actorEventInput(actor, further.event, object, further.detail));
    return { done: result };
  }
}

/**
 * Takes the step: lock, decide by the table, change, audit — one transaction.
 * `change` runs only when the table allows the step; it may still refuse a
 * stale reading (throw staleRefusal) or bad input, which rolls everything back.
 */
export function runStep<Status extends string, Step extends string, Role extends string, Subject extends { status: Status }, Loaded extends { id: string; status: Status }, R>(
  prisma: PrismaClient,
  workflow: Workflow<Status, Step, Role, Subject, Loaded>,
  actor: Actor,
  id: string,
  step: Step,
  change: (tx: Tx, loaded: Loaded) => Promise<StepDone<R>>,
): Promise<R> {
  return guarded(prisma, workflow, actor, id, step, change) as Promise<R>;
}

/**
 * The runner's decision without the change: the subject when the table allows
 * the step, the same audited refusal when it does not. For work that must
 * happen before the step's transaction (writing an uploaded file) and for
 * tests that ask the server what it accepts.
 */
export function checkStep<Status extends string, Step extends string, Role extends string, Subject extends { status: Status }, Loaded extends { id: string; status: Status }>(
  prisma: PrismaClient,
  workflow: Workflow<Status, Step, Role, Subject, Loaded>,
  actor: Actor,
  id: string,
  step: Step,
): Promise<Loaded> {
  return guarded(prisma, workflow, actor, id, step, null) as Promise<Loaded>;
}
