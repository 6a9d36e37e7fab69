"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { userAction } from "@/app/action-client";
import type { ActionResult } from "@/lib/actions/action-result";
import { MAX_CHANGES_PER_SAVE } from "@/lib/assignments/change-set-limits";
import { saveAssignments, type SavedAssignments } from "@/lib/assignments/save-assignments";
import { requireSoftwareManager } from "@/lib/auth/permissions";
import { getLicenseGroupCompanyId } from "@/lib/licenses/get-license-group-company";
import { RecordId } from "@/lib/validation/record-id";

const TOO_MANY_CHANGES = "too many changes";

const SaveAssignmentsInput = z.object({
  groupId: RecordId,
  /** LicenseGroup.version the admin's grid was built from (R26). */
  expectedVersion: z.number().int().min(0),
  // The grid refuses a larger set before sending it; next.config.ts leaves room for this many (issue 13).
  changes: z.array(z.object({ licenseId: RecordId, userId: RecordId, assigned: z.boolean() })).min(1).max(MAX_CHANGES_PER_SAVE, TOO_MANY_CHANGES),
});

const saveGroupAssignments = userAction({
  input: SaveAssignmentsInput,
  // R28: the company comes from the group, looked up on the server; only its admins may save.
  authorize: async ({ user, input }) => {
    requireSoftwareManager(user, await getLicenseGroupCompanyId({ groupId: input.groupId }));
  },
  run: ({ user, input }) => saveAssignments({ actor: user, groupId: input.groupId, expectedVersion: input.expectedVersion, changes: input.changes }),
  revalidate: [{ path: "/software-management", type: "layout" }],
});

/**
 * A stale save (R26) or a full license (R25) means the admin's grid no longer shows the truth:
 * the client reloads it and keeps the pending changes that still apply.
 */
export type SaveAssignmentsResult = ActionResult<SavedAssignments> & { shouldReload?: boolean };

/** R16/R18: commits the grid's pending ticks after the admin confirmed them with Yes. */
export async function saveAssignmentsAction(input: {
  groupId: string;
  expectedVersion: number;
  changes: { licenseId: string; userId: string; assigned: boolean }[];
}): Promise<SaveAssignmentsResult> {
  const result = await saveGroupAssignments(input);
  if (result.ok) return result;
  if (result.error.fieldErrors?.changes?.includes(TOO_MANY_CHANGES)) {
    const t = await getTranslations("grid");
    return { ok: false, error: { code: "INVALID", message: t("tooManyChanges", { max: MAX_CHANGES_PER_SAVE }) } };
  }
  if (result.error.code === "CONFLICT") {
    const t = await getTranslations("grid");
    return { ok: false, error: { code: "CONFLICT", message: t("conflict") }, shouldReload: true };
  }
  return { ...result, shouldReload: result.error.code === "SEATS_EXHAUSTED" };
}
