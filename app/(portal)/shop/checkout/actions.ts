"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import { setCurrentCompany } from "@/lib/accounts/set-current-company";
import { canManageSoftware, requireSoftwareManager } from "@/lib/auth/permissions";
import { limitCompanyAction } from "@/lib/companies/limit-company-action";
import { DomainError, isDomainError } from "@/lib/errors";
import { paymentMethods } from "@/lib/shop/payment-methods";
import { placeOrder, type PlaceOrderOptions } from "@/lib/shop/place-order";
import { RecordId } from "@/lib/validation/record-id";

// The lines are not validated here but by placeOrder, so that an Enterprise line posted by hand is
// refused as such (R6) instead of as a malformed request. The new company's fields are flat, so
// each problem is shown next to its own field.
const blankIsMissing = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
// Decision 021: the checkout always takes a billing address (placeOrder says which part is
// missing) and optionally the buyer's purchase-order number.
const CheckoutFields = {
  lines: z.array(z.unknown()),
  idempotencyKey: z.string(),
  paymentMethod: z.enum(paymentMethods),
  billingAttention: z.string().optional(),
  billingStreet: z.string(),
  billingPostalCode: z.string(),
  billingCity: z.string(),
  purchaseOrderNumber: z.string().optional(),
};
const PlaceOrderActionInput = z.discriminatedUnion("buyer", [
  z.object({ buyer: z.literal("COMPANY"), companyId: RecordId, ...CheckoutFields }),
  z.object({
    buyer: z.literal("NEW_COMPANY"),
    companyName: blankIsMissing(z.string()),
    country: blankIsMissing(z.string()),
    vatNumber: z.string().optional(),
    ...CheckoutFields,
  }),
]);
export type PlaceOrderActionInput = z.input<typeof PlaceOrderActionInput>;

export type PlaceOrderOutcome =
  | { status: "PLACED"; orderId: string }
  /** R6: Enterprise is sold by the sales team only, however the order was sent. */
  | { status: "ENTERPRISE_NOT_SOLD_ONLINE" }
  /** Decision 011: only the company's admins buy for it. */
  | { status: "ADMIN_REQUIRED" };

/** placeOrder names fields by their path; the form names them flat. */
const FORM_FIELDS: Record<string, string> = {
  "newCompany.name": "companyName",
  "newCompany.country": "country",
  "newCompany.vatNumber": "vatNumber",
  "billing.attention": "billingAttention",
  "billing.street": "billingStreet",
  "billing.postalCode": "billingPostalCode",
  "billing.city": "billingCity",
};

/** R6, R7: checkout — one order per checkout page (its idempotency key), paid by invoice. */
export const placeOrderAction = userAction({
  input: PlaceOrderActionInput,
  // R28: an existing company must be one the buyer administers; placeOrder checks it again inside
  // the transaction that locks the company row. A new company involves nobody else's data.
  authorize: ({ user, input }) => {
    if (input.buyer === "COMPANY") {
      try {
        requireSoftwareManager(user, input.companyId);
      } catch (error) {
        // Answered as an outcome below, so the buyer reads whom to ask.
        if (!isDomainError(error, "FORBIDDEN")) throw error;
      }
    }
  },
  run: async ({ user, input }): Promise<PlaceOrderOutcome> => {
    const target =
      input.buyer === "COMPANY"
        ? { companyId: input.companyId }
        : { newCompany: { name: input.companyName ?? "", country: input.country ?? "", vatNumber: input.vatNumber ?? "" } };
    // Orders are fulfilled before payment (decision 016); counted per buyer and per company (a new
    // company counts for its buyer), before anything is written. A replayed checkout counts too.
    // Only the company's admins spend the company's allowance.
    const companyId = input.buyer === "COMPANY" ? input.companyId : null;
    const membership = companyId ? user.memberships.find((candidate) => candidate.company.id === companyId) : undefined;
    const isCompanyAdmin = canManageSoftware(membership);
    // Decision 011 before anything about the form: a member who may not buy hears so first, not
    // that the billing address is missing. (placeOrder checks it again under the company's lock.)
    if (membership && !isCompanyAdmin) return { status: "ADMIN_REQUIRED" };
    await limitCompanyAction({ action: "orders", actor: user, companyId: isCompanyAdmin ? companyId : null });
    try {
      const { order } = await placeOrder({
        actor: user,
        ...target,
        lines: input.lines as PlaceOrderOptions["lines"],
        billing: {
          attention: input.billingAttention,
          street: input.billingStreet,
          postalCode: input.billingPostalCode,
          city: input.billingCity,
        },
        purchaseOrderNumber: input.purchaseOrderNumber,
        idempotencyKey: input.idempotencyKey,
      });
      // The buyer continues in the company they just bought for (R11), where Software management is.
      if (user.currentMembership?.company.id !== order.companyId) await setCurrentCompany({ actor: user, companyId: order.companyId });
      return { status: "PLACED", orderId: order.id };
    } catch (error) {
      if (isDomainError(error, "FORBIDDEN") && error.details.reason === "ENTERPRISE_NOT_SOLD_ONLINE")
        return { status: "ENTERPRISE_NOT_SOLD_ONLINE" };
      if (isDomainError(error, "FORBIDDEN") && error.details.reason === "ADMIN_REQUIRED") return { status: "ADMIN_REQUIRED" };
      if (isDomainError(error, "INVALID") && error.details.fields) {
        // An empty country is a missing one, not a malformed code.
        const fields = Object.fromEntries(
          Object.entries(error.details.fields).map(([field, problem]) => [
            FORM_FIELDS[field] ?? field,
            field === "newCompany.country" && input.buyer === "NEW_COMPANY" && !input.country ? "required" : problem,
          ]),
        );
        throw new DomainError("INVALID", error.message, { ...error.details, fields });
      }
      throw error;
    }
  },
  revalidate: [{ path: "/", type: "layout" }],
});
