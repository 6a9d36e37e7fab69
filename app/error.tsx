"use client";

import { DatabaseZap, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { CenteredPanel } from "@/components/ui/centered-panel";

const OUTAGE_RETRY_MS = 5_000;

/**
 * Is the database away? Asked of the health check: a page that failed because the
 * database did not answer says so, and tries again by itself until it answers.
 */
function useDatabaseOutage(): boolean {
  const [isOutage, setIsOutage] = useState(false);
  useEffect(() => {
    let cancelled = false;
    fetch("/api/v1/health", { cache: "no-store" })
      .then((response) => {
        if (!cancelled) setIsOutage(response.status === 503);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, []);
  return isOutage;
}

// Unexpected errors never show their message (it may hold internals); the digest links to the server log.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPage");
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  const isOutage = useDatabaseOutage();

  useEffect(() => {
    console.error(error);
  }, [error]);

  useEffect(() => {
    if (!isOutage) return;
    const timer = setInterval(() => retry(), OUTAGE_RETRY_MS);
    return () => clearInterval(timer);
  }, [isOutage, retry]);

  if (isOutage) {
    return (
      <CenteredPanel>
        <DatabaseZap className="size-8 text-amber-500" aria-hidden="true" />
        <h1 className="mt-4 text-xl font-semibold text-slate-900">{t("outageTitle")}</h1>
        <p role="status" className="mt-2 text-sm text-slate-600">
          {t("outageDescription", { seconds: OUTAGE_RETRY_MS / 1000 })}
        </p>
        <Button className="mt-6" onClick={() => retry()}>
          {t("retry")}
        </Button>
      </CenteredPanel>
    );
  }

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
