"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/app/action-client";
import { setUserLanguage } from "@/lib/accounts/set-user-language";
import { localeCookieMaxAgeSeconds, localeCookieName, locales } from "@/lib/i18n/locales";

export const setLanguageAction = publicAction({
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
