import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/auth/register-form";
import { ContinueToProduct } from "@/lib/accounts/continue-to";
import { getSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("register");
  return { title: t("title") };
}

// R9. `?product=CODE` comes from a license email's link (R17): after activation the success
// screen continues to that software (R10). Unknown codes are ignored. An invitation link adds
// `?email=…&invitation=TOKEN` (decision 007): the address is prefilled and the token travels
// with the form; the server alone decides whether it is valid.
export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getSessionUser()) redirect("/");
  const params = await searchParams;
  const product = ContinueToProduct.safeParse(params.product);
  const invitation = typeof params.invitation === "string" ? params.invitation : null;
  const email = typeof params.email === "string" ? params.email : "";
  const t = await getTranslations("register");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <RegisterForm continueTo={product.success ? product.data : null} invitation={invitation ? { token: invitation, email } : null} />
      <p className="mt-6 border-t border-slate-100 pt-4 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="rounded font-medium text-brand-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </>
  );
}
