"use server";

import { z } from "zod";
import { publicAction, userAction } from "@/app/action-client";
import { setLocaleCookie } from "@/app/locale-cookie";
import { requestIpAddress } from "@/app/session";
import { Email } from "@/lib/accounts/fields";
import { resendVerification } from "@/lib/accounts/resend-verification";

/** "Send a new activation email" (offered after signing in to an account not yet activated). */
export const resendVerificationAction = publicAction({
  input: z.object({ email: Email }),
  run: async ({ input }) => resendVerification({ email: input.email, ipAddress: await requestIpAddress() }),
});

/** R29: right after sign-in the UI switches to the language saved on the account. */
export const applySavedLanguageAction = userAction({
  input: z.object({}),
  // The user's own setting: nothing to authorize beyond being signed in.
  authorize: () => undefined,
  run: async ({ user }) => setLocaleCookie(user.language),
  revalidate: [{ path: "/", type: "layout" }],
});
