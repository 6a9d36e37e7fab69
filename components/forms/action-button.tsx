"use client";

import type { ReactNode } from "react";
import type { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";

/** A secondary button that runs one server action, with the action's answer beneath it. */
export function ActionButton(props: { form: ReturnType<typeof useActionForm>; onClick: () => void; label: string; children: ReactNode }) {
  const { form } = props;
  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={props.onClick} disabled={form.isSubmitting} aria-label={props.label}>
        {props.children}
      </Button>
      {form.message ? (
        <p role={form.message.tone === "error" ? "alert" : "status"} className="text-xs text-slate-700">
          {form.message.text}
        </p>
      ) : null}
    </div>
  );
}
