// R29: the UI language cookie, set when a signed-in user's saved language applies (sign-in,
// profile). Same attributes as the language switch (app/actions.ts).
import "server-only";
import { cookies } from "next/headers";
import { localeCookieMaxAgeSeconds, localeCookieName, type Locale } from "@/lib/i18n/locales";

export async function setLocaleCookie(language: Locale): Promise<void> {
  (await cookies()).set(localeCookieName, language, { path: "/", maxAge: localeCookieMaxAgeSeconds, sameSite: "lax", httpOnly: false });
}
