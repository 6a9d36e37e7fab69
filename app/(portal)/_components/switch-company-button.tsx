"use client";

import { ArrowLeftRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeCompanyAction } from "@/app/(portal)/change-company/actions";
import { Button } from "@/components/ui/button";

/**
 * Switches the current company (R11) and renders the same page again under it: the prompt of a
 * page of another company and Software Beheer for a non-admin.
 */
export function SwitchCompanyButton({ companyId, label, icon = false }: { companyId: string; label: string; icon?: boolean }) {
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await changeCompanyAction({ companyId }).catch(() => null);
            if (result?.ok) router.refresh();
            else setError(result?.error.message ?? tErrors("UNEXPECTED"));
          })
        }
      >
        {icon ? <ArrowLeftRight aria-hidden className="size-4" /> : null}
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
