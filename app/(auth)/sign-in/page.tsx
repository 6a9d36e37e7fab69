import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/app/(auth)/sign-in/_components/sign-in-form";
import { continueToOfPath } from "@/lib/accounts/continue-to";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { getSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Only a path of the portal itself, so the sign-in page cannot send anyone elsewhere (docs/SECURITY.md, "Open redirect").
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl, env().APP_BASE_URL);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations("signIn");
  // Someone on the way to software (a license mail's link) who has no account yet registers and
  // continues to that software after activation (R10).
  const continueTo = continueToOfPath(callbackUrl);
  const registerHref = continueTo ? `/register?${new URLSearchParams({ product: continueTo })}` : "/register";

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
          <Link href={registerHref} className="rounded font-medium text-brand-700 hover:underline">
            {t("register")}
          </Link>
        </span>
      </div>
    </>
  );
}
