// What a session cookie carries; every request checks them against the database (current-user.ts).
import { z } from "zod";

export const SessionClaims = z.object({
  userId: z.uuid(),
  sessionVersion: z.number().int().min(0),
  sessionId: z.uuid(),
});

export type SessionClaims = z.infer<typeof SessionClaims>;

/** From an untrusted session object (next-auth's session or JWT). */
export function parseSessionClaims(session: unknown): SessionClaims | null {
  const result = SessionClaims.safeParse(session);
  return result.success ? result.data : null;
}
