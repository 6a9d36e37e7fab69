"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import type { ActionResult } from "@/lib/actions/action-result";
import { acceptMembershipInvitation } from "@/lib/memberships/accept-membership-invitation";

const AcceptInput = z.object({ token: z.string().max(100) });

const accept = userAction({
  input: AcceptInput,
  // The token is the resource: the domain accepts it only for the address it was sent to.
  authorize: () => undefined,
  run: ({ user, input }) => acceptMembershipInvitation({ actor: user, token: input.token }),
  revalidate: [{ path: "/", type: "layout" }],
});

/** Issue 13, decision 016: join the company the invitation is from, signed in with its address. */
export async function acceptMembershipInvitationAction(input: { token: string }): Promise<ActionResult<{ companyId: string }>> {
  return accept(input);
}
