"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/app/action-client";
import { markInvoicePaidAction, markOrderHandledAction } from "@/app/(backoffice)/backoffice/orders/actions";
import { markSalesLeadHandledAction } from "@/app/(backoffice)/backoffice/sales-leads/actions";
import { ActionButton } from "@/components/backoffice/action-button";
import { useActionForm } from "@/components/backoffice/use-action-form";

type Marking = "order" | "salesLead" | "invoicePaid";

const mark: Record<Marking, (id: string) => Promise<ActionResult<object>>> = {
  order: (id) => markOrderHandledAction({ orderId: id }),
  salesLead: (id) => markSalesLeadHandledAction({ salesLeadId: id }),
  invoicePaid: (id) => markInvoicePaidAction({ orderId: id }),
};

/**
 * R31: "Mark handled" on an order or a sales lead, or "Paid" on an order's invoice (R6); the list
 * refreshes and moves it out of "Open".
 */
export function MarkHandledButton(props: { kind: Marking; id: string; label: string }) {
  const t = useTranslations("backoffice.handled");
  const form = useActionForm();
  const isInvoice = props.kind === "invoicePaid";

  async function onClick() {
    await form.submit(() => mark[props.kind](props.id), {
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
