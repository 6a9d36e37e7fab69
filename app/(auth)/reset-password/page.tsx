import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ResetPasswordForm } from "@/app/(auth)/reset-password/_components/reset-password-form";
import { FormAlert } from "@/components/ui/form-field";
import { isWellFormedToken } from "@/lib/auth/one-time-tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resetPassword");
  return { title: t("title") };
}

// The reset mail's link (1 hour). Opening it uses nothing; saving a new password does.
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = (await searchParams).token;
  const t = await getTranslations("resetPassword");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      {isWellFormedToken(token) ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="mt-6">
          <FormAlert>
            {t("invalid")}{" "}
            <Link href="/forgot-password" className="font-medium underline">
              {t("requestNew")}
            </Link>
          </FormAlert>
        </div>
      )}
    </>
  );
}
