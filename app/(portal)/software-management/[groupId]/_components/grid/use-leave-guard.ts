"use client";

// R16: pending ticks are not saved until Save + Yes, so leaving the page with pending changes asks
// first: the browser's own prompt for reloads and other sites, a confirm for links in the app and
// for the browser's Back and Forward buttons.
import { useEffect } from "react";

/** The part of the Navigation API (window.navigation) the guard uses; not yet in TypeScript's DOM types. */
type TraverseGuardEvent = Event & { navigationType: "push" | "replace" | "reload" | "traverse"; cancelable: boolean };

export function useLeaveGuard(isDirty: boolean, message: string): void {
  useEffect(() => {
    if (!isDirty) return;
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      event.returnValue = "";
    }
    // Capture phase on the document runs before Next.js's <Link> handler at the React root.
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank" || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return; // beforeunload asks
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    }
    // Back and Forward between the app's pages stay in this document (the App Router's history
    // entries), so neither beforeunload nor a click sees them. The Navigation API announces such a
    // traversal before it happens and lets it be cancelled. Browsers allow that once per user
    // activation (no trapping the Back button); a traversal they do not let us cancel, or one in a
    // browser without the API, goes ahead as before. Traversals to another document get
    // beforeunload's prompt instead.
    function onNavigate(event: Event) {
      const navigate = event as TraverseGuardEvent;
      if (navigate.navigationType !== "traverse" || !navigate.cancelable) return;
      if (!window.confirm(message)) navigate.preventDefault();
    }
    const navigation = (window as Window & { navigation?: EventTarget }).navigation;
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    navigation?.addEventListener("navigate", onNavigate);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      navigation?.removeEventListener("navigate", onNavigate);
    };
  }, [isDirty, message]);
}
