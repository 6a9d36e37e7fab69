"use server";

import { z } from "zod";
import { publicAction } from "@/app/action-client";
import type { ActionResult } from "@/lib/actions/action-result";
import { requestIpAddress } from "@/app/session";
import { Email } from "@/lib/accounts/fields";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";

const requestReset = publicAction({
  input: z.object({ email: Email }),
  run: async ({ input }) => requestPasswordReset({ email: input.email, ipAddress: await requestIpAddress() }),
});

/** Always the same answer, known address or not (no enumeration). */
export async function requestPasswordResetAction(input: { email: string }): Promise<ActionResult<void>> {
  return requestReset(input);
}
