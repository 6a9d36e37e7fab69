import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/app/(auth)/register/_components/register-form";
import { ContinueToProduct } from "@/lib/accounts/continue-to";
import { describeInvitation } from "@/lib/accounts/describe-invitation";
import { isWellFormedToken } from "@/lib/auth/one-time-tokens";
import { getSessionUser } from "@/app/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("register");
  return { title: t("title") };
}

// R9. `?product=CODE` comes from a license email's link (R17) or the sign-in page's Register link:
// after activation the success screen continues to that software (R10). Unknown codes are
// ignored. An invitation link adds `?email=…&invitation=TOKEN` (decision 007): the address is
// prefilled, and the names the admin typed when the token is still good for that address; the
// token travels with the form, and the server alone decides whether it is valid.
export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getSessionUser()) redirect("/");
  const params = await searchParams;
  const product = ContinueToProduct.safeParse(params.product);
  const token = isWellFormedToken(params.invitation) ? params.invitation : null;
  const email = typeof params.email === "string" ? params.email : "";
  const invited = token && email ? await describeInvitation({ token, email }) : null;
  return (
    <RegisterForm
      continueTo={product.success ? product.data : null}
      invitation={
        token
          ? {
              token,
              email: invited?.email ?? email,
              isPending: invited !== null,
              firstName: invited?.firstName,
              lastName: invited?.lastName,
            }
          : null
      }
    />
  );
}
