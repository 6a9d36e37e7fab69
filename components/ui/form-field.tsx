"use client";

import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode } from "react";

export const inputClassName =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500";

// Problems arrive as zod messages (lib/accounts/fields.ts) or domain codes (password policy);
// each maps to one translated sentence in the "fieldErrors" namespace.
const messageKeys: Record<string, string> = {
  required: "required",
  "too long": "tooLong",
  "too-long": "tooLong",
  "forbidden characters": "forbiddenCharacters",
  "must be an email address": "email",
  "at least 12 characters": "tooShort",
  "too-short": "tooShort",
  common: "common",
  guessable: "guessable",
  breached: "breached",
  "contains-email": "containsEmail",
  wrong: "wrongPassword",
};

/** The translated message of a field's first problem, or null. */
export function useFieldError(fieldErrors: Record<string, string[]> | undefined) {
  const t = useTranslations("fieldErrors");
  return (field: string, fallbackKey = "invalid"): string | null => {
    const problem = fieldErrors?.[field]?.[0];
    if (!problem) return null;
    return t(messageKeys[problem] ?? fallbackKey);
  };
}

type FieldFrameProps = { id: string; label: string; error?: string | null; hint?: ReactNode };

/** The attributes that tie a field's control to its label, hint and error (aria-describedby). */
export function fieldControlProps({ id, error, hint }: Omit<FieldFrameProps, "label">) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, name: id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: inputClassName };
}

/** A field's label, then its control (children), then its hint and error; see fieldControlProps. */
export function FieldFrame({ id, label, error, hint, children }: FieldFrameProps & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type FormFieldProps = InputHTMLAttributes<HTMLInputElement> & FieldFrameProps;

/** A labelled input whose error and hint are announced with it (aria-describedby). */
export function FormField({ id, label, error, hint, ...inputProps }: FormFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input {...fieldControlProps({ id, error, hint })} {...inputProps} />
    </FieldFrame>
  );
}

export function FormAlert({ id, tone = "error", children }: { id?: string; tone?: "error" | "success" | "info"; children: ReactNode }) {
  const tones = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-green-200 bg-green-50 text-green-800",
    info: "border-slate-200 bg-slate-50 text-slate-800",
  };
  return (
    <p id={id} role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      {children}
    </p>
  );
}
