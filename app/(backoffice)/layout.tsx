import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { setLanguageAction } from "@/app/actions";
import { AppShell } from "@/components/shell/app-shell";
import type { NavItem } from "@/components/shell/portal-nav";
import { canAccessBackoffice } from "@/lib/auth/permissions";
import { getSessionUser } from "@/app/session";

// The back office (R31) is for the vendor's staff only; everyone else, signed in or not, gets
// the ordinary 404 so its existence is not revealed.
export default async function BackofficeLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user || !canAccessBackoffice(user)) notFound();
  const t = await getTranslations("nav");
  const navItems: NavItem[] = [
    { href: "/backoffice", label: t("backoffice"), icon: "backoffice" },
    { href: "/my-software", label: t("mySoftware"), icon: "my-software" },
  ];
  return (
    <AppShell user={user} navItems={navItems} setLanguage={setLanguageAction}>
      {children}
    </AppShell>
  );
}
