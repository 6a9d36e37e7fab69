"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { addUserAction } from "@/app/(portal)/software-management/[groupId]/add-user/actions";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormAlert, FormField, inputClassName, useFieldError } from "@/components/ui/form-field";

const titles = ["MR", "MS", "MX", "DR"] as const;
const contactFields = ["title", "firstName", "lastName", "position", "language"] as const;

/**
 * R14: step 1 asks only for the email; a known identity is added at once and the admin returns to
 * the group's user list (R15). An unknown address opens step 2, the contact form, whose mandatory
 * fields are each named when missing. In a company not yet verified every address is invited
 * instead, with one answer (decision 016). Nobody is removed here (R19; staff end memberships).
 */
export function AddUserForm({ groupId, groupPath, defaultEmail = "" }: { groupId: string; groupPath: string; defaultEmail?: string }) {
  const t = useTranslations("addUser");
  const tLanguage = useTranslations("language");
  const router = useRouter();
  const [step, setStep] = useState<"email" | "contact">("email");
  const [email, setEmail] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  // `link`: where the admin goes on from the message (e.g. to a colleague who is already a member).
  const [message, setMessage] = useState<{
    tone: "error" | "info" | "success";
    text: string;
    link?: { href: string; label: string };
  } | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const errorOf = useFieldError(fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = Object.fromEntries(new FormData(formElement)) as Record<string, string>;
    const address = step === "email" ? (form.email ?? "") : email;
    setIsSubmitting(true);
    const result = await addUserAction({ groupId, ...form, email: address, withContact: step === "contact" });
    setIsSubmitting(false);
    if (!result.ok) {
      setFieldErrors(result.error.fieldErrors);
      const missing = contactFields.filter((field) => result.error.fieldErrors?.[field]);
      // R14: the summary names the mandatory fields still missing; each field shows its own error too.
      setMessage({
        tone: "error",
        text: missing.length > 0 ? t("missingFields", { fields: missing.map((field) => t(field)).join(", ") }) : result.error.message,
      });
      return;
    }
    setFieldErrors(undefined);
    if (result.data.status === "ALREADY_MEMBER") {
      const member = address.trim().toLowerCase();
      setMessage({
        tone: "info",
        text: t("alreadyMember", { email: member }),
        link: { href: `${groupPath}?q=${encodeURIComponent(member)}`, label: t("showMember", { email: member }) },
      });
      return;
    }
    if (result.data.status === "INVITED") {
      // Decision 016: all the admin of a company not yet verified learns is that a mail went out.
      setMessage({ tone: "success", text: t("invited", { email: result.data.email }) });
      setStep("email");
      formElement.reset();
      return;
    }
    if (result.data.status === "CONTACT_DETAILS_REQUIRED") {
      setEmail(address.trim().toLowerCase());
      setMessage({ tone: "info", text: t("contactNeeded") });
      setStep("contact");
      return;
    }
    // R15: back to the list, where the new user is ready for assignment.
    router.push(`${groupPath}?added=${encodeURIComponent(result.data.email)}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("heading")}>
      {message ? (
        <FormAlert tone={message.tone}>
          {message.text}
          {message.link ? (
            <>
              {" "}
              <Link href={message.link.href} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600">
                {message.link.label}
              </Link>
            </>
          ) : null}
        </FormAlert>
      ) : null}
      {step === "email" ? (
        <FormField
          id="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={defaultEmail}
          label={t("email")}
          hint={t("emailHint")}
          error={errorOf("email")}
        />
      ) : (
        <>
          <div className="flex items-center justify-between gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
            <span>
              <span className="text-slate-600">{t("email")}: </span>
              <span className="font-medium text-slate-900">{email}</span>
            </span>
            <Button variant="ghost" onClick={() => (setStep("email"), setMessage(null), setFieldErrors(undefined))}>
              {t("changeEmail")}
            </Button>
          </div>
          <SelectField id="title" label={t("title")} error={errorOf("title")} autoFocus>
            <option value="">{t("choose")}</option>
            {titles.map((title) => (
              <option key={title} value={title}>
                {t(`title${title}`)}
              </option>
            ))}
          </SelectField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="firstName" required autoComplete="off" label={t("firstName")} error={errorOf("firstName")} />
            <FormField id="lastName" required autoComplete="off" label={t("lastName")} error={errorOf("lastName")} />
          </div>
          <FormField id="position" required autoComplete="off" label={t("position")} error={errorOf("position")} />
          <SelectField id="language" label={t("language")} error={errorOf("language")}>
            <option value="">{t("choose")}</option>
            <option value="nl">{tLanguage("nl")}</option>
            <option value="en">{tLanguage("en")}</option>
          </SelectField>
        </>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        <Link href={groupPath} className={buttonClassName("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

function SelectField(props: { id: string; label: string; error: string | null; children: ReactNode; autoFocus?: boolean }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.id}
        autoFocus={props.autoFocus}
        required
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        className={inputClassName}
      >
        {props.children}
      </select>
      {props.error ? (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
