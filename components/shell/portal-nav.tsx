"use client";

import { clsx } from "clsx";
import { AppWindow, LayoutGrid, ShieldCheck, ShoppingCart } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

const icons = {
  "software-management": LayoutGrid,
  "my-software": AppWindow,
  shop: ShoppingCart,
  backoffice: ShieldCheck,
} as const;

export type NavItem = { href: string; label: string; icon: keyof typeof icons };

export function PortalNav({ label, items }: { label: string; items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 md:flex-col">
        {items.map((item) => {
          const Icon = icons[item.icon];
          const isCurrent = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                className={clsx(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                  isCurrent ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                <Icon className={clsx("size-4", isCurrent ? "text-brand-600" : "text-slate-500")} aria-hidden="true" />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
