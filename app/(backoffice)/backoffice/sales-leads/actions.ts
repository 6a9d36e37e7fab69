"use server";

import { z } from "zod";
import { staffAction } from "@/app/action-client";
import { markSalesLeadHandled } from "@/lib/backoffice/mark-handled";
import { RecordId } from "@/lib/validation/record-id";

/** R6, R31: staff mark a "Contact sales" request as dealt with. */
export const markSalesLeadHandledAction = staffAction({
  input: z.object({ salesLeadId: RecordId }),
  run: async ({ user, input }) => {
    await markSalesLeadHandled({ actor: user, salesLeadId: input.salesLeadId });
    return { isHandled: true };
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});
