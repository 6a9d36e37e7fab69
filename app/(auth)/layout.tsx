import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Brand } from "@/components/shell/brand";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SkipLink } from "@/components/shell/skip-link";
import { CenteredPanel } from "@/components/ui/centered-panel";
import { setLanguageAction } from "@/app/actions";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <CenteredPanel
      header={
        <header className="flex h-16 items-center justify-between border-b border-slate-200 bg-white px-4 sm:px-6">
          <SkipLink label={t("skipToContent")} />
          <Brand name={t("name")} />
          <LanguageSwitch setLanguage={setLanguageAction} />
        </header>
      }
    >
      {children}
    </CenteredPanel>
  );
}
