import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forgotPassword");
  return { title: t("title") };
}

// Placeholder until the issue that builds this flow.
export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <Link href="/sign-in" className={buttonClassName("secondary", "mt-6")}>
        {t("backToSignIn")}
      </Link>
    </>
  );
}
