"use client";

// R17: "Resend invitation" on a row; the result is spoken by the grid's status region, and the
// row's label follows on refresh.
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import type { GridRowUser } from "@/lib/assignments/license-group-grid";
import { resendInvitationAction } from "@/app/(portal)/software-management/[groupId]/invitations/actions";

export function useResendInvitation(options: { groupId: string; users: readonly GridRowUser[]; announce: (text: string) => void }) {
  const { groupId, users, announce } = options;
  const t = useTranslations("invitations");
  const [resendingUserId, setResendingUserId] = useState<string | null>(null);
  const emails = useMemo(() => new Map(users.map((user) => [user.id, user.email])), [users]);
  const resend = useCallback(
    (userId: string) => {
      setResendingUserId(userId);
      announce(t("resending"));
      void resendInvitationAction({ groupId, userId }).then((result) => {
        setResendingUserId(null);
        announce(result.ok ? t("resent", { email: emails.get(userId) ?? "" }) : result.error.message);
      });
    },
    [groupId, emails, announce, t],
  );
  return { resend, resendingUserId };
}
