"use client";

import { useTranslations } from "next-intl";
import { markOrderHandledAction } from "@/app/(backoffice)/backoffice/orders/actions";
import { markSalesLeadHandledAction } from "@/app/(backoffice)/backoffice/sales-leads/actions";
import { useActionForm } from "@/components/backoffice/use-action-form";
import { Button } from "@/components/ui/button";

/** R31: "Mark handled" on an order or a sales lead; the list refreshes and moves it out of "Open". */
export function MarkHandledButton(props: { kind: "order" | "salesLead"; id: string; label: string }) {
  const t = useTranslations("backoffice.handled");
  const form = useActionForm();

  async function onClick() {
    await form.submit(() => (props.kind === "order" ? markOrderHandledAction({ orderId: props.id }) : markSalesLeadHandledAction({ salesLeadId: props.id })), {
      onSuccess: () => null,
      onFailure: (error) => (error.code === "CONFLICT" ? { tone: "info", text: t("already") } : undefined),
    });
  }

  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={onClick} disabled={form.isSubmitting} aria-label={props.label}>
        {t("mark")}
      </Button>
      {form.message ? (
        <p role={form.message.tone === "error" ? "alert" : "status"} className="text-xs text-slate-700">
          {form.message.text}
        </p>
      ) : null}
    </div>
  );
}
