import { z } from "zod";
import { singleLineText } from "@/lib/validation/safe-text";

/** SAP customer account numbers are numeric, up to 10 digits, kept with their leading zeros. */
export const SapAccountNumber = z
  .string()
  .trim()
  .regex(/^\d{4,10}$/, "must be 4 to 10 digits");

/** ISO 3166-1 alpha-2, stored upper case (CHECK company_country_iso). */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "must be an ISO country code");

/** Also a license group's name. */
export const CompanyName = singleLineText("required").min(1, "required").max(200, "too long");

/** A VAT number as typed (optional; checked by the sales team, not here). */
export const VatNumber = singleLineText().max(20, "too long");
