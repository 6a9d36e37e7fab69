// The checkout's input (R6), shared by the shop's form and placeOrder; never a price (the server prices).
import { z } from "zod";
import { CompanyName, CountryCode, VatNumber } from "@/lib/companies/company-fields";
import { BillingAddressInput, PurchaseOrderNumber } from "@/lib/shop/billing-details";
import { MAX_SEATS_PER_LINE, shopProductCodes } from "@/lib/shop/catalogue";
import { RecordId } from "@/lib/validation/record-id";
import { singleLineText } from "@/lib/validation/safe-text";
import { LicenseEditionInput, LicenseTypeInput } from "@/lib/validation/license-kind";

const MAX_ORDER_LINES = 20;

const Seats = z.number("required").int("invalid").min(1, "too small").max(MAX_SEATS_PER_LINE, "too large");

export const OrderLineInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("NEW_LICENSE"),
      productCode: z.enum(shopProductCodes, "invalid"),
      // ENTERPRISE parses, so that placeOrder can refuse it as FORBIDDEN rather than INVALID (R6).
      edition: LicenseEditionInput,
      type: LicenseTypeInput,
      seats: Seats,
    }),
    /** More seats on a license the company owns ("buy 1 more seat"); they run until the license's end. */
    z.object({ kind: z.literal("ADD_SEATS"), licenseId: RecordId, seats: Seats }),
    /** One more year of a license the company owns, for all its seats. */
    z.object({ kind: z.literal("RENEWAL"), licenseId: RecordId }),
  ],
  "invalid",
);
export type OrderLineInput = z.infer<typeof OrderLineInput>;

/** Checkout for a buyer without a company: the company is created with the order. */
export const NewCompanyInput = z.object({
  name: CompanyName,
  country: CountryCode,
  vatNumber: VatNumber.toUpperCase()
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
});
export type NewCompanyInput = z.input<typeof NewCompanyInput>;

export const PlaceOrderInput = z
  .object({
    companyId: RecordId.optional(),
    newCompany: NewCompanyInput.optional(),
    lines: z.array(OrderLineInput, "required").min(1, "required").max(MAX_ORDER_LINES, "too many"),
    /** Decision 021; without it the order takes the company's address on file, if any. */
    billing: BillingAddressInput.optional(),
    purchaseOrderNumber: PurchaseOrderNumber,
    /** Made once per checkout page; a double submit or retry sends the same key (one order). */
    idempotencyKey: singleLineText("required").min(16, "invalid").max(100, "invalid"),
  })
  .refine((input) => (input.companyId === undefined) !== (input.newCompany === undefined), {
    path: ["companyId"],
    message: "required",
  });
export type PlaceOrderInput = z.input<typeof PlaceOrderInput>;
