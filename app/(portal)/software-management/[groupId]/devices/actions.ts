"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import { deactivateActivation } from "@/lib/activations/deactivate-activation";
import { requireSoftwareManager } from "@/lib/auth/permissions";
import { getLicenseGroupCompanyId } from "@/lib/licenses/get-license-group-company";
import { RecordId } from "@/lib/validation/record-id";
import { multiLineText } from "@/lib/validation/safe-text";

const DeactivateDeviceInput = z.object({
  groupId: RecordId,
  activationId: RecordId,
  // R4: a reason is required; the domain checks it too and records it in the audit trail (R24).
  reason: multiLineText().min(1, "required").max(500, "too long"),
});

/** R4: an admin removes a license from a lost device, giving a reason (audited). */
export const deactivateDeviceAction = userAction({
  input: DeactivateDeviceInput,
  // R28: only admins of the group's company; the domain checks the activation is in that company.
  authorize: async ({ user, input }) => {
    requireSoftwareManager(user, await getLicenseGroupCompanyId({ groupId: input.groupId }));
  },
  run: async ({ user, input }) => {
    const { wasActive } = await deactivateActivation({ actor: user, activationId: input.activationId, reason: input.reason });
    return { wasActive };
  },
  revalidate: [{ path: "/software-management", type: "layout" }],
});
