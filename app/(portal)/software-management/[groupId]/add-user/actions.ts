"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import { Email, Locale, Title } from "@/lib/accounts/fields";
import { requireSoftwareManager } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";
import { getLicenseGroupCompanyId } from "@/lib/licenses/get-license-group-company";
import { limitCompanyAction } from "@/lib/companies/limit-company-action";
import { addUserToCompany } from "@/lib/memberships/add-user-to-company";
import { RecordId } from "@/lib/validation/record-id";

// The contact fields stay optional here: the domain validates them (lib/accounts/account-schemas.ts)
// and names each missing one, which the form shows next to the field (R14). An empty form field
// is a missing one.
const blankIsMissing = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
const AddUserInput = z.object({
  groupId: RecordId,
  email: Email,
  withContact: z.boolean(),
  title: blankIsMissing(Title),
  firstName: blankIsMissing(z.string().max(200)),
  lastName: blankIsMissing(z.string().max(200)),
  position: blankIsMissing(z.string().max(200)),
  language: blankIsMissing(Locale),
});

export type AddUserOutcome =
  | { status: "ADDED"; email: string; isNewContact: boolean }
  /** Decision 016: a company not yet verified invites; the same answer whether or not the address has an account. */
  | { status: "INVITED"; email: string }
  | { status: "CONTACT_DETAILS_REQUIRED" }
  | { status: "ALREADY_MEMBER" };

/**
 * R14/R15 "Add user": email first; a known identity joins at once, anyone else needs contact
 * details. In a company not yet verified every address is invited instead (decision 016).
 */
export const addUserAction = userAction({
  input: AddUserInput,
  // R28: the company is the group's, looked up on the server; only its admins add people.
  authorize: async ({ user, input }) => {
    requireSoftwareManager(user, await getLicenseGroupCompanyId({ groupId: input.groupId }));
  },
  run: async ({ user, input }): Promise<AddUserOutcome> => {
    const companyId = await getLicenseGroupCompanyId({ groupId: input.groupId });
    const { withContact, email, title, firstName, lastName, position, language } = input;
    const contact = { title, firstName, lastName, position, language };
    // Counted per admin and per company (decision 016), before anything is looked up or sent.
    await limitCompanyAction({ action: "member-additions", actor: user, companyId });
    try {
      return await addUserToCompany({ actor: user, companyId, email, contact: withContact ? contact : undefined });
    } catch (error) {
      // R14: an unknown address is not an error but the second step, the contact form.
      if (!withContact && isDomainError(error, "INVALID") && error.details.reason === "CONTACT_DETAILS_REQUIRED")
        return { status: "CONTACT_DETAILS_REQUIRED" };
      if (isDomainError(error, "CONFLICT") && error.details.reason === "ALREADY_MEMBER") return { status: "ALREADY_MEMBER" };
      throw error;
    }
  },
  revalidate: [{ path: "/software-management", type: "layout" }],
});
