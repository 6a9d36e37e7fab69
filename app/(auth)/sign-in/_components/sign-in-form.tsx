"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { applySavedLanguageAction, resendVerificationAction } from "@/app/(auth)/sign-in/actions";
import { Button } from "@/components/ui/button";
import { FormAlert, inputClassName } from "@/components/ui/form-field";

type Failure =
  | { kind: "invalid" }
  | { kind: "unverified"; email: string }
  | { kind: "rate-limited"; minutes: number }
  | { kind: "message"; text: string };

// Mirrors signInErrors in lib/auth/options.ts (a client bundle cannot import that server module).
function failureOf(error: string | null | undefined, email: string): Failure {
  if (error === "UNVERIFIED") return { kind: "unverified", email };
  const rateLimited = /^RATE_LIMITED:(\d+)$/.exec(error ?? "");
  if (rateLimited) return { kind: "rate-limited", minutes: Math.max(1, Math.ceil(Number(rateLimited[1]) / 60)) };
  return { kind: "invalid" };
}

/** R8: email + password. Known and unknown addresses get the same messages (no enumeration). */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    setIsSubmitting(true);
    setFailure(null);
    setNotice(null);
    try {
      const result = await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirect: false });
      if (result?.ok && !result.error) {
        // R29: the language saved on the account applies from sign-in on.
        await applySavedLanguageAction();
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      setFailure(failureOf(result?.error, email));
    } catch {
      setFailure({ kind: "invalid" });
    }
    setIsSubmitting(false);
  }

  async function resend(email: string) {
    const result = await resendVerificationAction({ email });
    if (result.ok) {
      setFailure(null);
      setNotice(t("resent"));
    } else {
      setFailure({ kind: "message", text: result.error.message });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4" aria-describedby={failure ? "sign-in-error" : undefined}>
      {failure?.kind === "invalid" ? <FormAlert id="sign-in-error">{t("error")}</FormAlert> : null}
      {failure?.kind === "rate-limited" ? <FormAlert id="sign-in-error">{t("rateLimited", { minutes: failure.minutes })}</FormAlert> : null}
      {failure?.kind === "message" ? <FormAlert id="sign-in-error">{failure.text}</FormAlert> : null}
      {failure?.kind === "unverified" ? (
        <div
          id="sign-in-error"
          role="alert"
          className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <p>{t("unverified")}</p>
          <Button variant="secondary" onClick={() => resend(failure.email)}>
            {t("resend")}
          </Button>
        </div>
      ) : null}
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClassName} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClassName} />
      </div>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
