"use server";

import { z } from "zod";
import { publicAction } from "@/app/action-client";
import { requestIpAddress } from "@/app/session";
import { NewPassword } from "@/lib/accounts/fields";
import { resetPassword } from "@/lib/accounts/reset-password";

export const resetPasswordAction = publicAction({
  input: z.object({ token: z.string().max(100), password: NewPassword }),
  run: async ({ input }) => resetPassword({ token: input.token, password: input.password, ipAddress: await requestIpAddress() }),
});
