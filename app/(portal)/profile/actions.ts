"use server";

import { z } from "zod";
import { userAction } from "@/app/action-client";
import { setLocaleCookie } from "@/app/locale-cookie";
import { reissueSession, requestIpAddress } from "@/app/session";
import { changePassword } from "@/lib/accounts/change-password";
import { NewPassword } from "@/lib/accounts/fields";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { ProfileInput, updateProfile } from "@/lib/accounts/update-profile";

// Every action here acts on the signed-in user's own record only: the id comes from the session.
const ownRecord = () => undefined;

export const saveProfileAction = userAction({
  input: ProfileInput,
  authorize: ownRecord,
  run: async ({ user, input }) => {
    await updateProfile({ actor: user, profile: { ...input, title: input.title ?? "" } });
    // R29: the saved language is the UI language from now on.
    await setLocaleCookie(input.language);
  },
  revalidate: [{ path: "/", type: "layout" }],
});

export const changePasswordAction = userAction({
  input: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: NewPassword }),
  authorize: ownRecord,
  run: async ({ user, input }) => {
    const { sessionVersion } = await changePassword({ actor: user, ...input, ipAddress: await requestIpAddress() });
    // Other sessions end with the old version; this browser continues with the new one.
    await reissueSession({ userId: user.id, sessionVersion, sessionId: user.session.id });
  },
});

/** Ends every session of the user, this one included (the client then goes to the sign-in page). */
export const signOutEverywhereAction = userAction({
  input: z.object({}),
  authorize: ownRecord,
  run: async ({ user }) => signOutEverywhere({ actor: user, ipAddress: await requestIpAddress() }),
});
