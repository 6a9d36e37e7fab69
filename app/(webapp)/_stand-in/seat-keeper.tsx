"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { HeartbeatAnswer } from "@/app/(webapp)/_stand-in/portal-client";

/** Well within the seat's hour (R2), so one missed beat costs nothing. */
const HEARTBEAT_INTERVAL_MS = 5 * 60 * 1000;
const ACTIVITY_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "scroll"] as const;

type SeatState = "kept" | "lapsed" | "ended" | "unavailable";

/**
 * Keeps the floating seat of this tab (R2): every few minutes, while the page is visible and the
 * user did something since the last beat, it asks the stand-in's server to extend the seat. An
 * idle or hidden tab sends nothing, so its seat lapses after an hour by itself.
 */
export function SeatKeeper(props: { productSlug: string; productName: string; reopenUrl: string; initialExpiresAtText: string }) {
  const t = useTranslations("standIn");
  const [state, setState] = useState<SeatState>("kept");
  const [expiresAtText, setExpiresAtText] = useState(props.initialExpiresAtText);
  const wasActive = useRef(false);
  const lastBeatAt = useRef(0);
  const isStopped = useRef(false);

  const beat = useCallback(async () => {
    if (isStopped.current) return;
    wasActive.current = false;
    lastBeatAt.current = Date.now();
    let answer: HeartbeatAnswer;
    try {
      const response = await fetch(`/apps/${props.productSlug}/heartbeat`, { method: "POST", cache: "no-store" });
      answer = (await response.json()) as HeartbeatAnswer;
    } catch {
      answer = { state: "unavailable" };
    }
    if (answer.state === "kept") {
      setState("kept");
      setExpiresAtText(answer.expiresAtText);
    } else if (answer.state === "unavailable") {
      setState("unavailable");
    } else if (answer.state !== "none") {
      isStopped.current = true;
      setState(answer.state === "lapsed" ? "lapsed" : "ended");
    }
  }, [props.productSlug]);

  useEffect(() => {
    lastBeatAt.current = Date.now();
    const markActive = () => {
      wasActive.current = true;
    };
    const isDue = () =>
      document.visibilityState === "visible" && wasActive.current && Date.now() - lastBeatAt.current >= HEARTBEAT_INTERVAL_MS;
    const onTick = () => {
      if (isDue()) void beat();
    };
    // Coming back to the tab after a while beats at once instead of waiting for the next tick.
    const onVisibilityChange = () => {
      if (document.visibilityState === "visible") markActive();
      onTick();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, markActive, { passive: true });
    document.addEventListener("visibilitychange", onVisibilityChange);
    const timer = window.setInterval(onTick, 30 * 1000);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, markActive);
      document.removeEventListener("visibilitychange", onVisibilityChange);
      window.clearInterval(timer);
    };
  }, [beat]);

  if (state === "lapsed" || state === "ended") {
    return (
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
        <p>{state === "lapsed" ? t("seatLapsed") : t("accessEnded")}</p>
        <a href={props.reopenUrl} className="mt-2 inline-block font-medium text-amber-950 underline">
          {t("openAgain", { product: props.productName })}
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-2 text-sm text-slate-700">
      <p>{t("seatKept", { time: expiresAtText })}</p>
      {state === "unavailable" ? <p role="status">{t("portalUnavailable")}</p> : null}
    </div>
  );
}
