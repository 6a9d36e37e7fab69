import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so `next build` needs no AUTH_SECRET (lib/auth/options.ts); the
// session this route hands out is checked against the portal session on the server.
async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  return (await NextAuth(request, context, getAuthOptions({ checkPortalSession: true }))) as Response;
}

export { handler as GET, handler as POST };
