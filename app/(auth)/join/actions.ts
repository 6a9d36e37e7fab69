"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import { acceptMembershipInvitation } from "@/lib/memberships/accept-membership-invitation";

const AcceptInput = z.object({ token: z.string().max(100) });

/** Decision 016: join the company the invitation is from, signed in with its address. */
export const acceptMembershipInvitationAction = userAction({
  input: AcceptInput,
  // The token is the resource: the domain accepts it only for the address it was sent to.
  authorize: () => undefined,
  run: ({ user, input }) => acceptMembershipInvitation({ actor: user, token: input.token }),
  revalidate: [{ path: "/", type: "layout" }],
});
