"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import { resendInvitation } from "@/lib/assignments/resend-invitation";
import { requireSoftwareManager } from "@/lib/auth/permissions";
import { limitCompanyAction } from "@/lib/companies/limit-company-action";
import { getLicenseGroupCompanyId } from "@/lib/licenses/get-license-group-company";
import { RecordId } from "@/lib/validation/record-id";

const ResendInvitationInput = z.object({ groupId: RecordId, userId: RecordId });

/** R17: "Resend invitation" next to an unregistered user's label (e.g. after "delivery failed"). */
export const resendInvitationAction = userAction({
  input: ResendInvitationInput,
  // R28: the company comes from the group; the domain checks the user belongs to it.
  authorize: async ({ user, input }) => {
    requireSoftwareManager(user, await getLicenseGroupCompanyId({ groupId: input.groupId }));
  },
  run: async ({ user, input }) => {
    // Each resendInvitationAction mails someone; counted per admin and per company.
    await limitCompanyAction({
      action: "invitation-resends",
      actor: user,
      companyId: await getLicenseGroupCompanyId({ groupId: input.groupId }),
    });
    await resendInvitation({ actor: user, groupId: input.groupId, userId: input.userId });
  },
  revalidate: [{ path: "/software-management", type: "layout" }],
});
