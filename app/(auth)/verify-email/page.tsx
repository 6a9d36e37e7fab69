import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActivateAccountForm } from "@/app/(auth)/verify-email/_components/activate-account-form";
import { FormAlert } from "@/components/ui/form-field";
import { registrationBindingCookie } from "@/lib/accounts/registration-binding";
import { describeActivation } from "@/lib/accounts/verify-email";
import { isWellFormedToken } from "@/lib/auth/one-time-tokens";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifyEmail");
  return { title: t("title") };
}

// R10: the verification mail's link. Fetching it changes nothing; in the browser that registered the
// page activates as it opens (one click in the mail), elsewhere it asks for a password
// first (decision 017).
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
  // A used or expired link shows the button too; pressing it says the link no longer works.
  const form = await describeActivation({
    token,
    bindingSecret: (await cookies()).get(registrationBindingCookie(env()).name)?.value ?? null,
  });
  return (
    <ActivateAccountForm
      token={token}
      choosePasswordFor={form.kind === "choose-password" ? form.email : null}
      activateOnOpen={form.kind === "one-click"}
    />
  );
}
