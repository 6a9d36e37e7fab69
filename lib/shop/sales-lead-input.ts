// R6 "Contact sales": the request form's fields, shared by the form and createSalesLead (STYLE.md §5).
import { z } from "zod";
import { Email } from "@/lib/accounts/fields";
import { CompanyName, CountryCode } from "@/lib/companies/company-fields";
import { multiLineText } from "@/lib/validation/safe-text";
import { shopProductCodes } from "@/lib/shop/catalogue";

export const SalesLeadInput = z.object({
  productCode: z.enum(shopProductCodes, "invalid").default("PROFIS_ENGINEERING"),
  companyName: CompanyName,
  country: CountryCode,
  email: Email,
  message: multiLineText().max(2_000, "too long").default(""),
});
export type SalesLeadInput = z.input<typeof SalesLeadInput>;
