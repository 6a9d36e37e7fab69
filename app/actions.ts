"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/app/action-client";
import type { ActionResult } from "@/lib/actions/action-result";
import { setUserLanguage } from "@/lib/accounts/set-user-language";
import { localeCookieMaxAgeSeconds, localeCookieName, locales } from "@/lib/i18n/locales";

const setLanguage = publicAction({
  input: z.object({ language: z.enum(locales) }),
  async run({ user, input }) {
    // R29: the cookie decides the UI language; a signed-in user's choice is also kept on the account.
    (await cookies()).set(localeCookieName, input.language, {
      path: "/",
      maxAge: localeCookieMaxAgeSeconds,
      sameSite: "lax",
      httpOnly: false,
    });
    if (user) await setUserLanguage({ actor: user, language: input.language });
  },
  revalidate: [{ path: "/", type: "layout" }],
});

export async function setLanguageAction(input: { language: string }): Promise<ActionResult<void>> {
  return setLanguage(input);
}
