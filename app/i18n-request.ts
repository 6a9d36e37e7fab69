// next-intl's request configuration (wired in next.config.ts). It lives in app/ (not lib/) because it
// reads the request's cookies through next/headers, and lib/ stays free of next/* imports.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/load-messages";
import { localeCookieName, resolveLocale } from "@/lib/i18n/locales";

export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(localeCookieName)?.value);
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: "Europe/Amsterdam",
  };
});
