"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { buttonClassName } from "@/components/ui/button";

/** Copies a value (an activation key, R21) and says so, visibly and to screen readers. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const t = useTranslations("mySoftware");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // No clipboard access (an insecure origin, a denied permission): the key stays selectable.
      setState("failed");
    }
  }

  return (
    <>
      <button type="button" onClick={copy} className={buttonClassName("secondary", "px-3 py-1.5")}>
        {state === "copied" ? (
          <Check className="size-4 text-green-700" aria-hidden="true" />
        ) : (
          <Copy className="size-4" aria-hidden="true" />
        )}
        {state === "copied" ? t("copied") : t("copy")}
        <span className="sr-only"> {what}</span>
      </button>
      <span role="status" className="sr-only">
        {state === "copied" ? t("copiedAnnouncement", { what }) : state === "failed" ? t("copyFailed") : ""}
      </span>
    </>
  );
}
