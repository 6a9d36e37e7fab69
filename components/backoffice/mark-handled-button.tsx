"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/action-result";

type MarkHandledButtonProps<Input> = {
  /** "handled" for an order or a sales lead, "invoicePaid" for an order's invoice. */
  kind: "handled" | "invoicePaid";
  /** The page's server action and what it is called with, e.g. markOrderHandledAction and { orderId }. */
  action: (input: Input) => Promise<ActionResult<object>>;
  input: Input;
  label: string;
};

/**
 * R31: "Mark handled" on an order or a sales lead, or "Paid" on an order's invoice (R6); the list
 * refreshes and moves it out of "Open".
 */
export function MarkHandledButton<Input>(props: MarkHandledButtonProps<Input>) {
  const t = useTranslations("backoffice.handled");
  const form = useActionForm();
  const isInvoice = props.kind === "invoicePaid";

  async function onClick() {
    await form.submit(() => props.action(props.input), {
      onSuccess: () => null,
      onFailure: (error) => (error.code === "CONFLICT" ? { tone: "info", text: t(isInvoice ? "alreadyPaid" : "already") } : undefined),
    });
  }

  return (
    <ActionButton form={form} onClick={onClick} label={props.label}>
      {t(isInvoice ? "markPaid" : "mark")}
    </ActionButton>
  );
}
