"use client";

import { Building2, ChevronDown, LogOut, UserRound } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { LanguageSwitch, type SetLanguage } from "@/components/shell/language-switch";

type UserMenuProps = {
  name: string;
  email: string;
  /** "Company name – Country" of the current company (R11), or null without any company. */
  companyLine: string | null;
  canChangeCompany: boolean;
  setLanguage: SetLanguage;
};

/** Top-right menu (R11): "name · company – country", Change company, language, sign out. */
export function UserMenu({ name, email, companyLine, canChangeCompany, setLanguage }: UserMenuProps) {
  const t = useTranslations("userMenu");
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    function onPointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setIsOpen(false);
        triggerRef.current?.focus();
      }
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [isOpen]);

  return (
    // min-w-0: at a phone's width the menu's button shrinks (its text truncates) instead of pushing off the screen.
    <div ref={containerRef} className="relative min-w-0">
      <button
        ref={triggerRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
        className="inline-flex max-w-full items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100"
      >
        <span className="truncate">
          <span className="font-medium text-slate-900">{name}</span>
          <span className="whitespace-pre text-slate-400">{" · "}</span>
          <span>{companyLine ?? t("noCompany")}</span>
        </span>
        <ChevronDown className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
      </button>

      {isOpen ? (
        <div
          id={panelId}
          className="absolute right-0 z-40 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
        >
          <p className="truncate px-3 pb-2 pt-1 text-xs text-slate-500">{t("signedInAs", { email })}</p>
          <ul className="border-t border-slate-100 pt-1">
            {canChangeCompany ? (
              <li>
                <Link
                  href="/change-company"
                  onClick={() => setIsOpen(false)}
                  className="flex items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 hover:bg-slate-100"
                >
                  <Building2 className="size-4 text-slate-500" aria-hidden="true" />
                  {t("changeCompany")}
                </Link>
              </li>
            ) : null}
            <li>
              <Link
                href="/profile"
                onClick={() => setIsOpen(false)}
                className="flex items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 hover:bg-slate-100"
              >
                <UserRound className="size-4 text-slate-500" aria-hidden="true" />
                {t("profile")}
              </Link>
            </li>
            <li className="flex items-center justify-between gap-2 px-3 py-2 text-sm text-slate-800">
              <span>{t("language")}</span>
              <LanguageSwitch setLanguage={setLanguage} />
            </li>
            <li className="border-t border-slate-100 pt-1">
              <button
                type="button"
                onClick={async () => {
                  // Stay on the host the user is on (next-auth would redirect to NEXTAUTH_URL).
                  await signOut({ redirect: false });
                  router.replace("/sign-in");
                  router.refresh();
                }}
                className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100"
              >
                <LogOut className="size-4 text-slate-500" aria-hidden="true" />
                {t("signOut")}
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}
