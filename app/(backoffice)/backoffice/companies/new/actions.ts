"use server";

import { z } from "zod";
import { staffAction } from "@/app/action-client";
import { createCompany } from "@/lib/companies/create-company";

// The domain validates the fields (lib/companies/company-fields.ts) and names each problem.
const CreateCompanyInput = z.object({
  name: z.string().max(200),
  country: z.string().max(2),
  sapAccountNumber: z.string().max(20),
  vatNumber: z.string().max(20).optional(),
});

/** R31: staff create a company account (name, country, SAP account, VAT number). */
export const createCompanyAction = staffAction({
  input: CreateCompanyInput,
  run: async ({ user, input }) => {
    const company = await createCompany({ actor: user, ...input, vatNumber: input.vatNumber?.trim() || undefined });
    return { companyId: company.id };
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});
