"use server";

import { z } from "zod";
import { userAction, type ActionResult } from "@/app/action-client";
import { setCurrentCompany } from "@/lib/accounts/set-current-company";
import { requireMembership } from "@/lib/auth/permissions";
import { RecordId } from "@/lib/validation/record-id";

const changeCompany = userAction({
  input: z.object({ companyId: RecordId }),
  authorize: ({ user, input }) => void requireMembership(user, input.companyId),
  run: ({ user, input }) => setCurrentCompany({ actor: user, companyId: input.companyId }),
  revalidate: [{ path: "/", type: "layout" }],
});

export async function changeCompanyAction(input: { companyId: string }): Promise<ActionResult<void>> {
  return changeCompany(input);
}
