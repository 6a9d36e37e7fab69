"use server";

import { z } from "zod";
import { publicAction, type ActionResult } from "@/app/action-client";
import type { ContinueTarget } from "@/lib/accounts/continue-to";
import { verifyEmail } from "@/lib/accounts/verify-email";

const activate = publicAction({
  input: z.object({ token: z.string().max(100) }),
  run: ({ input }) => verifyEmail({ token: input.token }),
});

/** R10 "Activate account": a button, not the link itself, so mail scanners opening links use nothing up. */
export async function activateAccountAction(input: { token: string }): Promise<ActionResult<ContinueTarget>> {
  return activate(input);
}
