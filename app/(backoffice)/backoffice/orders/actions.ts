"use server";

import { z } from "zod";
import { staffAction, type ActionResult } from "@/app/action-client";
import { markOrderHandled } from "@/lib/backoffice/mark-handled";
import { RecordId } from "@/lib/validation/record-id";

const markOrderHandledStep = staffAction({
  input: z.object({ orderId: RecordId }),
  run: async ({ user, input }) => {
    await markOrderHandled({ actor: user, orderId: input.orderId });
    return { isHandled: true };
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});

/** R31: staff mark an order as dealt with (handledAt, handledBy). */
export async function markOrderHandledAction(input: { orderId: string }): Promise<ActionResult<{ isHandled: boolean }>> {
  return markOrderHandledStep(input);
}
