"use server";

import { z } from "zod";
import { publicAction, userAction } from "@/app/action-client";
import type { ActionResult } from "@/lib/actions/action-result";
import { setLocaleCookie } from "@/app/locale-cookie";
import { requestIpAddress } from "@/app/session";
import { Email } from "@/lib/accounts/fields";
import { resendVerification } from "@/lib/accounts/resend-verification";

const resend = publicAction({
  input: z.object({ email: Email }),
  run: async ({ input }) => resendVerification({ email: input.email, ipAddress: await requestIpAddress() }),
});

/** "Send a new activation email" (offered after signing in to an account not yet activated). */
export async function resendVerificationAction(input: { email: string }): Promise<ActionResult<void>> {
  return resend(input);
}

const applySavedLanguage = userAction({
  input: z.object({}),
  // The user's own setting: nothing to authorize beyond being signed in.
  authorize: () => undefined,
  run: async ({ user }) => setLocaleCookie(user.language),
  revalidate: [{ path: "/", type: "layout" }],
});

/** R29: right after sign-in the UI switches to the language saved on the account. */
export async function applySavedLanguageAction(): Promise<ActionResult<void>> {
  return applySavedLanguage({});
}
