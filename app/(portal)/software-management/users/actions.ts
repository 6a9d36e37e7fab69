"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import { requireSoftwareManager } from "@/lib/auth/permissions";
import { changeMemberRole } from "@/lib/memberships/change-member-role";
import { RecordId } from "@/lib/validation/record-id";

const ChangeRoleInput = z.object({ companyId: RecordId, userId: RecordId, role: z.enum(["ADMIN", "USER"]) });

/** Give or take the admin role of a user of the company (never its last admin). */
export const changeMemberRoleAction = userAction({
  input: ChangeRoleInput,
  // R28: only the company's admins; the domain checks it again under the company's row lock.
  authorize: ({ user, input }) => {
    requireSoftwareManager(user, input.companyId);
  },
  run: ({ user, input }) => changeMemberRole({ actor: user, companyId: input.companyId, userId: input.userId, role: input.role }),
  revalidate: [{ path: "/", type: "layout" }],
});
