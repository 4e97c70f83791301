// Expected failures carry a code and a Chinese message the user may see.
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "UNAVAILABLE";

const defaultMessages: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "请先登录",
  FORBIDDEN: "您没有权限进行此操作",
  NOT_FOUND: "未找到该对象",
  CONFLICT: "内容已被他人修改",
  INVALID: "输入有误，请检查后重试",
  UNAVAILABLE: "服务暂时不可用，请稍后重试",
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = defaultMessages[code],
    /** Messages by field path (e.g. "cells.active.license.decisions"). */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}
