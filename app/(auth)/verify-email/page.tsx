import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActivateAccountForm } from "@/components/auth/activate-account-form";
import { FormAlert } from "@/components/ui/form-field";
import { isWellFormedToken } from "@/lib/auth/one-time-tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifyEmail");
  return { title: t("title") };
}

// R10: the verification mail's link. Opening it changes nothing; the button activates.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams).token;
  const t = await getTranslations("verifyEmail");
  if (!isWellFormedToken(token)) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <div className="mt-6">
          <FormAlert>
            {t("invalid")}{" "}
            <Link href="/sign-in" className="font-medium underline">
              {t("requestNew")}
            </Link>
          </FormAlert>
        </div>
      </>
    );
  }
  return <ActivateAccountForm token={token} />;
}
