import type { ReactNode } from "react";

/** R9: "I accept the terms of use", required; the error, when given, is shown under it and named by the box. */
export function AcceptTermsField({ label, error }: { label: ReactNode; error?: string | null }) {
  return (
    <div>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          id="acceptTerms"
          name="acceptTerms"
          type="checkbox"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "acceptTerms-error" : undefined}
          className="mt-0.5 size-4 rounded border-slate-300"
        />
        {label}
      </label>
      {error ? (
        <p id="acceptTerms-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
