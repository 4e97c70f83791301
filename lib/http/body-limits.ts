// How large a request body may be, where the front server bounds it as it
// arrives (server.ts, hold-body.ts). A unit test checks that next.config.mjs
// leaves Next.js's Server Action limit as it is here, and that the largest
// report a clerk may write fits in it.

/** Sign-in and sign-out forms are a few hundred bytes. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * A Server Action's body: Next.js's default limit, beyond which it answers
 * with a 500. Bounded here first, so that the answer is a 413 that says so;
 * a report at every field's maximum is about 0.6 MB as sent.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
