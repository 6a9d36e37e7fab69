"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { userAction } from "@/app/action-client";
import { MAX_CHANGES_PER_SAVE, TOO_MANY_CHANGES } from "@/lib/assignments/change-set-limits";
import { saveAssignments } from "@/lib/assignments/save-assignments";
import { requireSoftwareManager } from "@/lib/auth/permissions";
import { getLicenseGroupCompanyId } from "@/lib/licenses/get-license-group-company";
import { RecordId } from "@/lib/validation/record-id";

const SaveAssignmentsInput = z.object({
  groupId: RecordId,
  /** LicenseGroup.version the admin's grid was built from (R26). */
  expectedVersion: z.number().int().min(0),
  // At most MAX_CHANGES_PER_SAVE, which saveAssignments checks; next.config.ts leaves room for them.
  changes: z.array(z.object({ licenseId: RecordId, userId: RecordId, assigned: z.boolean() })).min(1),
});

/** R16/R18: commits the grid's pending ticks after the admin confirmed them with Yes. */
export const saveAssignmentsAction = userAction({
  input: SaveAssignmentsInput,
  // R28: the company comes from the group, looked up on the server; only its admins may save.
  authorize: async ({ user, input }) => {
    requireSoftwareManager(user, await getLicenseGroupCompanyId({ groupId: input.groupId }));
  },
  run: ({ user, input }) =>
    saveAssignments({ actor: user, groupId: input.groupId, expectedVersion: input.expectedVersion, changes: input.changes }),
  revalidate: [{ path: "/software-management", type: "layout" }],
  // A stale save (R26) reads as such; the grid then reloads and keeps the changes that still apply.
  describeFailure: async (error) => {
    const t = await getTranslations("grid");
    if (error.fieldErrors?.changes?.includes(TOO_MANY_CHANGES))
      return { code: "INVALID", message: t("tooManyChanges", { max: MAX_CHANGES_PER_SAVE }) };
    if (error.code === "CONFLICT") return { code: "CONFLICT", message: t("conflict") };
    return error;
  },
});
