// What a session carries: only the user's id and the sessionVersion it was issued under. Every
// request re-reads the user (lib/auth/current-user.ts), so a raised sessionVersion or a disabled
// account ends existing sessions at once.
import { z } from "zod";

export const SessionClaims = z.object({
  userId: z.uuid(),
  sessionVersion: z.number().int().min(0),
});

export type SessionClaims = z.infer<typeof SessionClaims>;

/** Claims from an untrusted session object (next-auth's session or JWT), or null. */
export function parseSessionClaims(session: unknown): SessionClaims | null {
  const result = SessionClaims.safeParse(session);
  return result.success ? result.data : null;
}
