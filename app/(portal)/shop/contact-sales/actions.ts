"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import { createSalesLead } from "@/lib/shop/create-sales-lead";
import type { SalesLeadInput } from "@/lib/shop/sales-lead-input";

// The fields are validated by createSalesLead (lib/shop/sales-lead-input.ts), which names each
// problem for the form.
const ContactSalesInput = z.object({
  productCode: z.string().optional(),
  companyName: z.string().optional(),
  country: z.string().optional(),
  email: z.string().optional(),
  message: z.string().optional(),
});

/** R6 "Contact sales": PROFIS Engineering Enterprise is sold by the back office; this leaves a lead. */
export const contactSalesAction = userAction({
  input: ContactSalesInput,
  // A sales request is anyone's own; it touches no company's data.
  authorize: () => {},
  run: async ({ user, input }) => {
    const lead = await createSalesLead({
      actor: user,
      productCode: input.productCode as SalesLeadInput["productCode"],
      companyName: input.companyName ?? "",
      country: input.country ?? "",
      email: input.email ?? "",
      message: input.message,
    });
    return { salesLeadId: lead.id };
  },
});
