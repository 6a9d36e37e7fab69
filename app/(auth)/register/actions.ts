"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/app/action-client";
import { requestIpAddress } from "@/app/session";
import { ContinueToProduct } from "@/lib/accounts/continue-to";
import { Email, NewPassword } from "@/lib/accounts/fields";
import { registerAccount } from "@/lib/accounts/register-account";
import { newBindingSecret, registrationBindingCookie } from "@/lib/accounts/registration-binding";
import { env } from "@/lib/env";
import { locales } from "@/lib/i18n/locales";

const RegisterInput = z.object({
  email: Email,
  password: NewPassword,
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  // R9: acceptance of the terms is required; a checkbox sends "on".
  acceptTerms: z.union([z.literal("on"), z.literal(true)], { error: "required" }).transform(() => true as const),
  language: z.enum(locales),
  continueTo: ContinueToProduct.optional().catch(undefined),
  // R17: the invitation link's token; a malformed one is simply ignored (ordinary registration).
  invitationToken: z.string().max(100).optional().catch(undefined),
});

/**
 * R9 "Register now". Succeeds the same way for a new and an already registered address; only the
 * holder of a valid invitation link is activated at once (R17, decision 007).
 */
export const registerAction = publicAction({
  input: RegisterInput,
  run: async ({ input }) => {
    // Decision 017: this browser may later activate in one click; any other must choose the password.
    const bindingSecret = newBindingSecret();
    const outcome = await registerAccount({ ...input, bindingSecret, ipAddress: await requestIpAddress() });
    // Set for every ordinary registration, known address or not, so the answer reveals nothing.
    if (outcome.status === "VERIFICATION_SENT") {
      const cookie = registrationBindingCookie(env());
      (await cookies()).set(cookie.name, bindingSecret, cookie.options);
    }
    return outcome;
  },
});
