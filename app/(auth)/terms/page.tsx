import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CURRENT_TERMS_VERSION } from "@/lib/accounts/terms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("terms");
  return { title: t("title") };
}

// R9: "I accept the terms of use" links here; the version is the one registration stores.
export default async function TermsPage() {
  const t = await getTranslations("terms");
  const sections = [
    { heading: t("accountHeading"), text: t("account") },
    { heading: t("licensesHeading"), text: t("licenses") },
    { heading: t("dataHeading"), text: t("data") },
  ];
  return (
    <article className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="text-sm text-slate-500">{t("version", { version: CURRENT_TERMS_VERSION })}</p>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {sections.map((section) => (
        <section key={section.heading}>
          <h2 className="text-base font-semibold text-slate-900">{section.heading}</h2>
          <p className="mt-1 text-sm text-slate-700">{section.text}</p>
        </section>
      ))}
      <p className="border-t border-slate-100 pt-4 text-sm">
        <Link href="/register" className="rounded font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
    </article>
  );
}
