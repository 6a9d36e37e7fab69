"use client";

import type { ReactNode, SelectHTMLAttributes } from "react";
import { inputClassName } from "@/components/ui/form-field";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; error?: string | null; hint?: ReactNode; children: ReactNode };

/** A labelled select whose error and hint are announced with it, like FormField. */
export function SelectField({ id, label, error, hint, children, ...selectProps }: SelectFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClassName} {...selectProps}>
        {children}
      </select>
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
