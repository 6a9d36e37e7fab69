"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { activateAccountAction } from "@/app/(auth)/verify-email/actions";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";
import type { ContinueTarget } from "@/lib/accounts/continue-to";

/** R10: "Activate account", then the success screen with "Continue to" the portal or the software. */
export function ActivateAccountForm({ token }: { token: string }) {
  const t = useTranslations("verifyEmail");
  const [target, setTarget] = useState<ContinueTarget | null>(null);
  const [hasFailed, setHasFailed] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function activate() {
    setIsSubmitting(true);
    const result = await activateAccountAction({ token });
    setIsSubmitting(false);
    if (result.ok) setTarget(result.data);
    else setHasFailed(true);
  }

  if (target) {
    return (
      <section aria-labelledby="activated" className="space-y-4">
        <h1 id="activated" className="text-2xl font-semibold tracking-tight text-slate-900">
          {t("successTitle")}
        </h1>
        <p className="text-sm text-slate-600">{t("successIntro")}</p>
        <div className="flex flex-wrap gap-3">
          {target.kind === "software" ? (
            <a href={target.url} className={buttonClassName("primary")}>
              {t("continueToSoftware", { product: target.productName })}
            </a>
          ) : null}
          <Link href="/" className={buttonClassName(target.kind === "software" ? "secondary" : "primary")}>
            {t("continueToPortal")}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <div className="mt-6 space-y-4">
        {hasFailed ? (
          <FormAlert>
            {t("invalid")}{" "}
            <Link href="/sign-in" className="font-medium underline">
              {t("requestNew")}
            </Link>
          </FormAlert>
        ) : null}
        <Button className="w-full" onClick={activate} disabled={isSubmitting || hasFailed}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </>
  );
}
