"use server";

import { z } from "zod";
import { publicAction } from "@/app/action-client";
import { requestIpAddress } from "@/app/session";
import { Email } from "@/lib/accounts/fields";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";

/** Always the same answer, known address or not (no enumeration). */
export const requestPasswordResetAction = publicAction({
  input: z.object({ email: Email }),
  run: async ({ input }) => requestPasswordReset({ email: input.email, ipAddress: await requestIpAddress() }),
});
