"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { addUserAction, type AddUserOutcome } from "@/app/(portal)/software-management/[groupId]/add-user/actions";
import { FormMessageAlert } from "@/components/forms/form-message-alert";
import { useActionForm, type FormSuccess } from "@/components/forms/use-action-form";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormField, inputClassName, useFieldError } from "@/components/ui/form-field";

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
  const [step, setStep] = useState<"email" | "contact">("email");
  const [email, setEmail] = useState("");
  const form = useActionForm({ refresh: false });
  const errorOf = useFieldError(form.fieldErrors);

  /** What each answer says, or where it leads; `address` is the one asked about. */
  function answerTo(outcome: AddUserOutcome, address: string, formElement: HTMLFormElement): FormSuccess {
    const member = address.trim().toLowerCase();
    if (outcome.status === "ALREADY_MEMBER") {
      // The admin goes on to the colleague who is already a member.
      const link = { href: `${groupPath}?q=${encodeURIComponent(member)}`, label: t("showMember", { email: member }) };
      return { tone: "info", text: t("alreadyMember", { email: member }), link };
    }
    if (outcome.status === "INVITED") {
      // Decision 016: all the admin of a company not yet verified learns is that a mail went out.
      setStep("email");
      formElement.reset();
      return { tone: "success", text: t("invited", { email: outcome.email }) };
    }
    if (outcome.status === "CONTACT_DETAILS_REQUIRED") {
      setEmail(member);
      setStep("contact");
      return { tone: "info", text: t("contactNeeded") };
    }
    // R15: back to the list, where the new user is ready for assignment.
    return { redirect: `${groupPath}?added=${encodeURIComponent(outcome.email)}` };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const values = Object.fromEntries(new FormData(formElement)) as Record<string, string>;
    const address = step === "email" ? (values.email ?? "") : email;
    await form.submit(() => addUserAction({ groupId, ...values, email: address, withContact: step === "contact" }), {
      onSuccess: (outcome) => answerTo(outcome, address, formElement),
      onFailure: (error) => {
        const missing = contactFields.filter((field) => error.fieldErrors?.[field]);
        // R14: the summary names the mandatory fields still missing; each field shows its own error too.
        return missing.length > 0
          ? { tone: "error", text: t("missingFields", { fields: missing.map((field) => t(field)).join(", ") }) }
          : undefined;
      },
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("heading")}>
      <FormMessageAlert message={form.message} />
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
            <Button variant="ghost" onClick={() => (setStep("email"), form.reset())}>
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
        <Button type="submit" disabled={form.isSubmitting}>
          {form.isSubmitting ? t("saving") : t("save")}
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
