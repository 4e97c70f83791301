import { z } from "zod";
import { passwordSchema } from "@/lib/auth/policy";

export const ZIssueInvitationInput = z.object({ accountId: z.uuid() });

export const ZAcceptInvitationInput = z
  .object({
    token: z.string().max(100),
    password: passwordSchema(),
    confirmPassword: z.string().max(1024),
  })
  .refine((input) => input.password === input.confirmPassword, { path: ["confirmPassword"], message: "两次输入的密码不一致" });
