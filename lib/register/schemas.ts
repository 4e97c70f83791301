import { z } from "zod";

/** Confirming a preview: the upload, and the digest of the plan the administrator saw. */
export const ZConfirmRegisterInput = z.object({
  uploadId: z.uuid(),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
