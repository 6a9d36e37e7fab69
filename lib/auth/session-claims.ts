// What a session carries: the user's id, the sessionVersion it was issued under and the server-side
// session it names (lib/auth/portal-sessions.ts). Every request re-reads both (lib/auth/current-user.ts),
// so a sign-out, a raised sessionVersion or a disabled account ends the session at once.
import { z } from "zod";

export const SessionClaims = z.object({
  userId: z.uuid(),
  sessionVersion: z.number().int().min(0),
  sessionId: z.uuid(),
});

export type SessionClaims = z.infer<typeof SessionClaims>;

/** Claims from an untrusted session object (next-auth's session or JWT), or null. */
export function parseSessionClaims(session: unknown): SessionClaims | null {
  const result = SessionClaims.safeParse(session);
  return result.success ? result.data : null;
}
