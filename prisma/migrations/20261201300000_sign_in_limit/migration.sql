-- Sign-in attempts counted per source address and per user name
-- (rate-limiter-flexible's store, lib/auth/sign-in-limits.ts), in the
-- database so that the limits hold across app instances.
CREATE TABLE "sign_in_limit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_limit_pkey" PRIMARY KEY ("key")
);

GRANT SELECT, INSERT, UPDATE, DELETE ON "sign_in_limit" TO nianbao_app;
