"use client";

import { ArrowRight, CheckCircle2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import type { ContinueTarget } from "@/lib/accounts/continue-to";

/**
 * R10 as the manual shows it: a green box says the registration succeeded, then "Continue to" in
 * the right box: the software the person came for (when known) and the portal. Both lead through
 * sign-in when no session exists yet, and come back to their target.
 */
export function RegistrationSuccess({ title, text, target }: { title: string; text: string; target: ContinueTarget }) {
  const t = useTranslations("registrationSuccess");
  const tVerify = useTranslations("verifyEmail");
  const boxes = [
    ...(target.kind === "software"
      ? [
          {
            key: "software",
            name: target.productName,
            description: t("softwareDescription"),
            href: target.url,
            label: tVerify("continueToSoftware", { product: target.productName }),
          },
        ]
      : []),
    { key: "portal", name: t("portalName"), description: t("portalDescription"), href: "/", label: tVerify("continueToPortal") },
  ];
  return (
    <section aria-labelledby="registration-success" className="space-y-6">
      <div role="status" className="flex gap-3 rounded-md border border-green-300 bg-green-50 p-4 text-green-900">
        <CheckCircle2 aria-hidden className="mt-0.5 size-6 shrink-0 text-green-700" />
        <div>
          <h1 id="registration-success" className="text-xl font-semibold tracking-tight">
            {title}
          </h1>
          <p className="mt-1 text-sm">{text}</p>
        </div>
      </div>
      <div>
        <h2 className="text-base font-semibold text-slate-900">{t("continueHeading")}</h2>
        <ul className="mt-3 grid gap-3">
          {boxes.map((box, index) => (
            <li key={box.key} className="rounded-md border border-slate-200 p-4">
              <p className="font-medium text-slate-900">{box.name}</p>
              <p className="mt-1 text-sm text-slate-600">{box.description}</p>
              {/* The software goes through /launch (a route handler), so a full navigation, not a client one. */}
              {box.key === "software" ? (
                <a href={box.href} className={buttonClassName("primary", "mt-3")}>
                  {box.label}
                  <ArrowRight aria-hidden className="size-4" />
                </a>
              ) : (
                <Link href={box.href} className={buttonClassName(index === 0 ? "primary" : "secondary", "mt-3")}>
                  {box.label}
                  <ArrowRight aria-hidden className="size-4" />
                </Link>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
