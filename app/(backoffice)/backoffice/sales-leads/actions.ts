"use server";

import { z } from "zod";
import { staffAction } from "@/app/action-client";
import type { ActionResult } from "@/lib/actions/action-result";
import { markSalesLeadHandled } from "@/lib/backoffice/mark-handled";
import { RecordId } from "@/lib/validation/record-id";

const markSalesLeadHandledStep = staffAction({
  input: z.object({ salesLeadId: RecordId }),
  run: async ({ user, input }) => {
    await markSalesLeadHandled({ actor: user, salesLeadId: input.salesLeadId });
    return { isHandled: true };
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});

/** R6, R31: staff mark a "Contact sales" request as dealt with. */
export async function markSalesLeadHandledAction(input: { salesLeadId: string }): Promise<ActionResult<{ isHandled: boolean }>> {
  return markSalesLeadHandledStep(input);
}
