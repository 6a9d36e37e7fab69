"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/app/action-client";
import { NewPassword } from "@/lib/accounts/fields";
import { registrationBindingCookie } from "@/lib/accounts/registration-binding";
import { verifyEmail } from "@/lib/accounts/verify-email";
import { env } from "@/lib/env";
import { locales } from "@/lib/i18n/locales";

const ActivateInput = z.object({
  token: z.string().max(100),
  language: z.enum(locales),
  // Decision 017: asked for only where this is not the browser that registered.
  password: NewPassword.optional(),
  // The form sends whether the box is ticked; unticked is refused with the other fields at once.
  acceptTerms: z
    .union([z.literal("on"), z.boolean()])
    .optional()
    .refine((value) => value !== false, "required")
    .transform((value) => value !== undefined),
});

/** R10 "Activate account": a button, not the link itself, so mail scanners opening links use nothing up. */
export const activateAccountAction = publicAction({
  input: ActivateInput,
  run: async ({ input }) => {
    const cookieStore = await cookies();
    const cookie = registrationBindingCookie(env());
    const chosen =
      input.password === undefined ? null : { password: input.password, acceptTerms: input.acceptTerms, language: input.language };
    const target = await verifyEmail({ token: input.token, bindingSecret: cookieStore.get(cookie.name)?.value ?? null, chosen });
    // Secure as it was set: a __Secure- cookie is only deleted by a Secure Set-Cookie.
    cookieStore.delete({ name: cookie.name, path: cookie.options.path, secure: cookie.options.secure });
    return target;
  },
});
