"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { CenteredPanel } from "@/components/ui/centered-panel";

// Unexpected errors never show their message (it may hold internals); the digest links to the server log.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPage");
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <CenteredPanel>
      <TriangleAlert className="size-8 text-amber-500" aria-hidden="true" />
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("description")}</p>
      {digest ? <p className="mt-2 font-mono text-xs text-slate-500">{t("reference", { digest })}</p> : null}
      <Button className="mt-6" onClick={() => retry()}>
        {t("retry")}
      </Button>
    </CenteredPanel>
  );
}
