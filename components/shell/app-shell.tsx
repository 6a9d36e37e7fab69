import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Brand } from "@/components/shell/brand";
import type { SetLanguage } from "@/components/shell/language-switch";
import { PortalNav, type NavItem } from "@/components/shell/portal-nav";
import { SkipLink } from "@/components/shell/skip-link";
import { UserMenu } from "@/components/shell/user-menu";
import { displayName, type CurrentUser } from "@/lib/auth/current-user";
import { countryName } from "@/lib/i18n/country-name";
import { resolveLocale } from "@/lib/i18n/locales";

/** The signed-in frame: header with the user menu (R11), navigation on the left, content. */
type AppShellProps = { user: CurrentUser; navItems: NavItem[]; setLanguage: SetLanguage; children: ReactNode };

export async function AppShell({ user, navItems, setLanguage, children }: AppShellProps) {
  const t = await getTranslations();
  const locale = resolveLocale(await getLocale());
  const company = user.currentMembership?.company;
  const companyLine = company ? `${company.name} – ${countryName(company.country, locale)}` : null;

  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink label={t("app.skipToContent")} />
      <header className="sticky top-0 z-30 print:hidden border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="flex h-16 items-center justify-between gap-4 px-4 sm:px-6">
          <Brand name={t("app.name")} />
          <UserMenu
            name={displayName(user)}
            email={user.email}
            companyLine={companyLine}
            canChangeCompany={user.memberships.length > 0}
            setLanguage={setLanguage}
          />
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <aside className="print:hidden border-b border-slate-200 bg-white px-3 py-3 md:w-64 md:shrink-0 md:border-b-0 md:border-r md:py-6">
          <PortalNav label={t("nav.label")} items={navItems} />
        </aside>
        <main id="main" className="flex-1 px-4 py-8 sm:px-8 print:p-0">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
