"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptMembershipInvitationAction } from "@/app/(auth)/join/actions";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-field";

/** "Accept invitation" (decision 016); the person continues in the company they joined (R11). */
export function AcceptInvitationButton({ token }: { token: string }) {
  const t = useTranslations("join");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function onClick() {
    setIsSubmitting(true);
    const result = await acceptMembershipInvitationAction({ token });
    setIsSubmitting(false);
    if (!result.ok) {
      setError(result.error.code === "NOT_FOUND" ? t("invalid") : result.error.message);
      return;
    }
    router.push("/my-software");
  }

  return (
    <div className="space-y-3">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Button onClick={onClick} disabled={isSubmitting}>
        {isSubmitting ? t("accepting") : t("accept")}
      </Button>
    </div>
  );
}
