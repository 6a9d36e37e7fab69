import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ForgotPasswordForm } from "@/app/(auth)/forgot-password/_components/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forgotPassword");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <ForgotPasswordForm />
      <p className="mt-6 border-t border-slate-100 pt-4 text-sm">
        <Link href="/sign-in" className="rounded text-brand-700 hover:underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </>
  );
}
