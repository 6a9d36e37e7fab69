import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

/** The back office's sections, under each page's header. */
export async function BackofficeLinks({ current }: { current: "search" | "orders" | "salesLeads" | "newCompany" | null }) {
  const t = await getTranslations("backoffice.links");
  const links = [
    { key: "search", href: "/backoffice" },
    { key: "orders", href: "/backoffice/orders" },
    { key: "salesLeads", href: "/backoffice/sales-leads" },
    { key: "newCompany", href: "/backoffice/companies/new" },
  ] as const;
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-2">
      {links.map((link) => (
        <Link
          key={link.key}
          href={link.href}
          aria-current={current === link.key ? "page" : undefined}
          className={buttonClassName(current === link.key ? "primary" : "secondary")}
        >
          {t(link.key)}
        </Link>
      ))}
    </nav>
  );
}
