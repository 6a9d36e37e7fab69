"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import { requestIpAddress } from "@/app/session";
import { setCurrentCompany } from "@/lib/accounts/set-current-company";
import { requireMembership } from "@/lib/auth/permissions";
import { RecordId } from "@/lib/validation/record-id";

export const changeCompanyAction = userAction({
  input: z.object({ companyId: RecordId }),
  authorize: ({ user, input }) => void requireMembership(user, input.companyId),
  run: async ({ user, input }) => setCurrentCompany({ actor: user, companyId: input.companyId, ipAddress: await requestIpAddress() }),
  revalidate: [{ path: "/", type: "layout" }],
});
