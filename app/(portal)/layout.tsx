import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { setLanguageAction } from "@/app/actions";
import { AppShell } from "@/components/shell/app-shell";
import type { NavItem } from "@/components/shell/portal-nav";
import { canAccessBackoffice, canManageSoftware } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/app/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireSessionUser();
  const t = await getTranslations("nav");

  // R11: "Software management" appears only for admins of the current company.
  const navItems: NavItem[] = [
    ...(canManageSoftware(user.currentMembership)
      ? [{ href: "/software-management", label: t("softwareManagement"), icon: "software-management" } as const]
      : []),
    { href: "/my-software", label: t("mySoftware"), icon: "my-software" },
    // R6: every signed-in user may buy (for a new company, or for theirs as its ADMIN, decision 011).
    { href: "/shop", label: t("shop"), icon: "shop" },
    ...(canAccessBackoffice(user) ? [{ href: "/backoffice", label: t("backoffice"), icon: "backoffice" } as const] : []),
  ];

  return (
    <AppShell user={user} navItems={navItems} setLanguage={setLanguageAction}>
      {children}
    </AppShell>
  );
}
