// The billing address and purchase-order number of the checkout (decision 021); the country is the
// company's, so only the postal code depends on it. Shared with the checkout form.
import { z } from "zod";
import { singleLineText } from "@/lib/validation/safe-text";

const optionalText = (max: number) =>
  singleLineText()
    .max(max, "too long")
    .optional()
    .transform((value) => (value === "" ? undefined : value));

export const BillingAddressInput = z.object({
  /** "T.a.v." / "Attn.": a person or department (optional). */
  attention: optionalText(100),
  street: singleLineText("required").min(1, "required").max(200, "too long"),
  postalCode: singleLineText("required").min(1, "required").max(16, "too long"),
  city: singleLineText("required").min(1, "required").max(100, "too long"),
});
export type BillingAddressInput = z.input<typeof BillingAddressInput>;
export type BillingAddress = z.output<typeof BillingAddressInput>;

/** The buyer's own reference for the order; 35 characters is what purchasing systems (SAP BSTKD) hold. */
export const PurchaseOrderNumber = optionalText(35);

// Postal codes of the countries most buyers are in; other countries get a general shape check.
const postalCodeShapes: Readonly<Record<string, { pattern: RegExp; format?: (match: RegExpMatchArray) => string }>> = {
  NL: { pattern: /^(\d{4})\s?([A-Z]{2})$/, format: (match) => `${match[1]} ${match[2]}` },
  BE: { pattern: /^\d{4}$/ },
  LU: { pattern: /^(?:L-?)?(\d{4})$/, format: (match) => `L-${match[1]}` },
  DE: { pattern: /^\d{5}$/ },
  FR: { pattern: /^\d{5}$/ },
  AT: { pattern: /^\d{4}$/ },
  CH: { pattern: /^\d{4}$/ },
};
const ANY_POSTAL_CODE = /^[A-Z0-9](?:[A-Z0-9 -]{0,10}[A-Z0-9])?$/;

/** The postal code as it is written in the country ("1012ab" → "1012 AB"), or null when it cannot be one. */
export function normalizedPostalCode(postalCode: string, country: string): string | null {
  const text = postalCode.trim().toUpperCase().replace(/\s+/g, " ");
  const shape = postalCodeShapes[country.trim().toUpperCase()];
  if (!shape) return ANY_POSTAL_CODE.test(text) ? text : null;
  const match = text.match(shape.pattern);
  if (!match) return null;
  return shape.format ? shape.format(match) : text;
}
