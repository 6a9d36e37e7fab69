"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

const inputClassName =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

/** R8: email + password. Any failure shows the same message, so it reveals no accounts. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [hasFailed, setHasFailed] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSubmitting(true);
    setHasFailed(false);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      setHasFailed(true);
    } catch {
      setHasFailed(true);
    }
    setIsSubmitting(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4" aria-describedby={hasFailed ? "sign-in-error" : undefined}>
      {hasFailed ? (
        <p id="sign-in-error" role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("error")}
        </p>
      ) : null}
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
