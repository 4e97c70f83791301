// next-auth configuration: a credentials provider whose JWT cookie carries
// only the id of a server-side session (lib/auth/sessions.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAuditEvent } from "@/lib/db/audit-rows";
import { db } from "@/lib/db/client";
import { authPolicy } from "./policy";
import { revokeSession } from "./sessions";
import { signInWithPassword } from "./sign-in";
import { sourceIpFrom } from "./source-ip";
import { siteEnv } from "@/lib/env";

export const authOptions: NextAuthOptions = {
  secret: siteEnv().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: authPolicy().SESSION_ABSOLUTE_HOURS * 3600 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "password",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(credentials, request) {
        const result = await signInWithPassword(db(), {
          username: String(credentials?.username ?? ""),
          password: String(credentials?.password ?? ""),
          sourceIp: sourceIpFrom((name) => {
            const value = request.headers?.[name];
            return Array.isArray(value) ? value[0] : value;
          }),
        });
        // next-auth hands this message to the sign-in form.
        if (!result.ok) throw new Error(result.message);
        return { id: result.accountId, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sessionId" in user) token.sid = user.sessionId as string;
      return token;
    },
    // The browser learns nothing from the session endpoint beyond being signed in.
    session({ session }) {
      return { expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      const sessionId = typeof token?.sid === "string" ? token.sid : null;
      if (!sessionId) return;
      const prisma = db();
      const session = await prisma.authSession.findUnique({ where: { id: sessionId }, include: { account: true } });
      await revokeSession(prisma, sessionId);
      if (session) {
        await prisma.$transaction((tx) =>
          recordAuditEvent(tx, {
            actor: session.account.username,
            event: "auth.sign-out",
            objectType: "account",
            objectId: session.accountId,
            result: "success",
          }),
        );
      }
    },
  },
};
