import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

/** Only same-site paths, so the sign-in page cannot be used to redirect elsewhere. */
function safeCallbackUrl(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("signIn");

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <SignInForm callbackUrl={callbackUrl} />
      <div className="mt-6 flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-4 text-sm">
        <Link href="/forgot-password" className="rounded text-brand-700 hover:underline">
          {t("forgotPassword")}
        </Link>
        <span className="text-slate-600">
          {t("noAccount")}{" "}
          <Link href="/register" className="rounded font-medium text-brand-700 hover:underline">
            {t("register")}
          </Link>
        </span>
      </div>
    </>
  );
}
