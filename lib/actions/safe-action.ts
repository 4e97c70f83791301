// Every Server Action goes through here: it authenticates, parses the input
// with the action's zod schema, hands the handler a typed actor, and turns
// failures into a result the form can show. A Server Action is a public POST
// endpoint, so nothing here trusts the page that called it.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";
import { auditRefusedRequest } from "@/lib/audit/request-audit";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { fieldErrorsOf } from "./field-errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "UNEXPECTED"; message: string; fieldErrors?: Record<string, string> };

// Prisma's connection errors (P2028: a transaction that could not start or
// outlived its limit, as when the server stops answering), and PostgreSQL's
// 57014 (statement timeout) and 55P03 (lock timeout).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "57014", "55P03"]);

/** A lost database connection is expected now and then: say so, keep the input. */
function isDatabaseUnavailable(error: unknown): boolean {
  const { code, name, message } = (error ?? {}) as { code?: string; name?: string; message?: string };
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    name === "PrismaClientInitializationError" ||
    /DatabaseNotReachable|ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|Query read timeout|statement timeout|lock timeout/i.test(message ?? "")
  );
}

export function toActionError(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
  }
  if (isDatabaseUnavailable(error)) {
    return { ok: false, code: "UNAVAILABLE", message: "数据库暂时无法连接，未能保存；您的输入仍保留在页面上，稍后会自动重试" };
  }
  const correlationId = randomUUID().slice(0, 8);
  console.error(`[action ${correlationId}]`, error);
  return { ok: false, code: "UNEXPECTED", message: `系统出错（编号 ${correlationId}），请稍后重试` };
}

/** The id an action's input names (a report, an item, an account, a unit), for the audit row. */
function objectIdOf(input: unknown): string | null {
  if (typeof input !== "object" || input === null) return null;
  const fields = input as Record<string, unknown>;
  const id = fields.reportId ?? fields.itemId ?? fields.accountId ?? fields.organizationId ?? fields.attachmentId;
  return typeof id === "string" ? id.slice(0, 64) : null;
}

export function createAction<S extends z.ZodType, T>(
  schema: S,
  handler: (actor: Actor, input: z.output<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    let actor: Actor | null = null;
    try {
      actor = await getActor();
      requireActor(actor);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, code: "INVALID", message: "输入有误，请检查后重试", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      return { ok: true, data: await handler(actor!, parsed.data) };
    } catch (error) {
      const failure = toActionError(error);
      // A Server Action is a public endpoint: a refused call is recorded, with the object it named.
      if (failure.code === "UNAUTHENTICATED" || failure.code === "FORBIDDEN" || failure.code === "NOT_FOUND") {
        await auditRefusedRequest(actor, null, "action.refused", { code: failure.code, message: failure.message, object: objectIdOf(input) });
      }
      return failure;
    }
  };
}
