// The environment, read and validated in one place.
import { z } from "zod";

const ZEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the app with `npm run demo` or `npm start`, which provide one" })
    .url(),
});

let cached: z.infer<typeof ZEnv> | undefined;

export function env(): z.infer<typeof ZEnv> {
  cached ??= ZEnv.parse(process.env);
  return cached;
}
