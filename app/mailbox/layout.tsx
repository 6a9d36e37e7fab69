import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Brand } from "@/components/shell/brand";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SkipLink } from "@/components/shell/skip-link";
import { requireMailbox } from "@/app/mailbox/require-mailbox";
import { setLanguageAction } from "@/app/actions";

export default async function MailboxLayout({ children }: { children: ReactNode }) {
  await requireMailbox();
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-16 items-center justify-between border-b border-slate-200 bg-white px-4 sm:px-6">
        <SkipLink label={t("app.skipToContent")} />
        <Brand name={t("app.name")} />
        <LanguageSwitch setLanguage={setLanguageAction} />
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 sm:px-6">
        {children}
        <p className="mt-10 text-xs text-slate-500">{t("mailbox.notice")}</p>
      </main>
    </div>
  );
}
