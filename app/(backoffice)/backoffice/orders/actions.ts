"use server";

import { z } from "zod";
import { staffAction } from "@/app/action-client";
import { markInvoicePaid, markOrderHandled } from "@/lib/backoffice/mark-handled";
import { RecordId } from "@/lib/validation/record-id";

/** R31: staff mark an order as dealt with (handledAt, handledBy). */
export const markOrderHandledAction = staffAction({
  input: z.object({ orderId: RecordId }),
  run: async ({ user, input }) => {
    await markOrderHandled({ actor: user, orderId: input.orderId });
    return { isHandled: true };
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});

/** R6: staff record that an order's invoice was paid (the order becomes PAID). */
export const markInvoicePaidAction = staffAction({
  input: z.object({ orderId: RecordId }),
  run: async ({ user, input }) => {
    await markInvoicePaid({ actor: user, orderId: input.orderId });
    return { isPaid: true };
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});
