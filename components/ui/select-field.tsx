"use client";

import type { ReactNode, SelectHTMLAttributes } from "react";
import { FieldFrame, fieldControlProps } from "@/components/ui/form-field";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
  children: ReactNode;
};

/** A labelled select whose error and hint are announced with it, like FormField. */
export function SelectField({ id, label, error, hint, children, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select {...fieldControlProps({ id, error, hint })} {...selectProps}>
        {children}
      </select>
    </FieldFrame>
  );
}
