"use server";

import { z } from "zod";
import { staffAction } from "@/app/action-client";
import { addCompanyAdmin } from "@/lib/backoffice/add-company-admin";
import { endMembership } from "@/lib/backoffice/end-membership";
import { CalendarDate, endOfCalendarDay, startOfCalendarDay } from "@/lib/backoffice/calendar-date";
import { createLicense } from "@/lib/licenses/create-license";
import { createLicenseGroup } from "@/lib/licenses/create-license-group";
import { productCodes } from "@/lib/products/ensure-product-catalogue";
import { LicenseEditionInput, LicenseTypeInput } from "@/lib/validation/license-kind";
import { RecordId } from "@/lib/validation/record-id";
import { MAX_LICENSE_SEATS } from "@/lib/backoffice/seat-rules";

const blankIsMissing = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** R31: an existing person by email becomes ADMIN of the company (added, or promoted from USER). */
export const addCompanyAdminAction = staffAction({
  input: z.object({ companyId: RecordId, email: z.string().max(254) }),
  run: ({ user, input }) => addCompanyAdmin({ actor: user, companyId: input.companyId, email: input.email }),
  revalidate: [{ path: "/backoffice", type: "layout" }],
});

/** Decision 016: the person left the company: licenses revoked, seats and activations released, account kept. */
export const endMembershipAction = staffAction({
  input: z.object({ companyId: RecordId, userId: RecordId }),
  run: ({ user, input }) => endMembership({ actor: user, companyId: input.companyId, userId: input.userId }),
  revalidate: [{ path: "/backoffice", type: "layout" }],
});

/** R12, R31: a new license group of the company (its own SAP account unless another is given). */
export const createLicenseGroupAction = staffAction({
  input: z.object({
    companyId: RecordId,
    name: z.string().max(200),
    sapAccountNumber: blankIsMissing(z.string().max(20)),
    orderReference: blankIsMissing(z.string().max(100)),
  }),
  run: async ({ user, input }) => {
    const group = await createLicenseGroup({ actor: user, ...input });
    return { groupId: group.id };
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});

/** R31: a license of any type and edition, Enterprise included (R6: sold by the back office only). */
export const createLicenseAction = staffAction({
  input: z.object({
    companyId: RecordId,
    groupId: RecordId,
    productCode: z.enum(productCodes),
    type: LicenseTypeInput,
    edition: LicenseEditionInput,
    seats: z.coerce.number().int().min(1).max(MAX_LICENSE_SEATS),
    validFrom: blankIsMissing(CalendarDate),
    validUntil: blankIsMissing(CalendarDate),
  }),
  run: async ({ user, input }) => {
    // R28: the group must be this company's; createLicense finds the group, the action its company.
    const license = await createLicense({
      actor: user,
      groupId: input.groupId,
      productCode: input.productCode,
      type: input.type,
      edition: input.edition,
      seats: input.seats,
      validFrom: input.validFrom ? startOfCalendarDay(input.validFrom) : undefined,
      validUntil: input.validUntil ? endOfCalendarDay(input.validUntil) : undefined,
      companyId: input.companyId,
    });
    return { licenseId: license.id, productName: license.product.name };
  },
  revalidate: [{ path: "/backoffice", type: "layout" }],
});
