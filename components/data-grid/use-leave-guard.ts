"use client";

// R16: pending ticks are not saved until Save + Yes, so leaving the page with pending changes asks
// first: the browser's own prompt for reloads and other sites, a confirm for links in the app and
// for the browser's Back button.
import { useEffect, useRef } from "react";

export function useLeaveGuard(isDirty: boolean, message: string): void {
  // The latest text, without re-arming (and re-pushing the Back guard) when the language changes.
  const messageRef = useRef(message);
  useEffect(() => {
    messageRef.current = message;
  }, [message]);

  useEffect(() => {
    if (!isDirty) return;
    const confirmLeave = () => window.confirm(messageRef.current);
    // Once the person said yes, the way out (a second history step, a page load) must not ask again.
    let isLeaving = false;
    const backGuard = guardBackButton({ confirmLeave, onLeave: () => (isLeaving = true) });

    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (isLeaving) return;
      event.preventDefault();
      event.returnValue = "";
    }
    // Capture phase on the document runs before Next.js's <Link> handler at the React root.
    function onClick(event: MouseEvent) {
      if (isLeaving || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank" || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return; // beforeunload asks
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      if (!confirmLeave()) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      isLeaving = true;
      // Follow the link from the page's own history entry, not from the Back guard's, so Back on
      // the next page returns here in one step: take the guard entry off, then click again.
      const isDeferred = backGuard.removeThen(() => (anchor.isConnected ? anchor.click() : window.location.assign(anchor.href)));
      if (isDeferred) {
        event.preventDefault();
        event.stopPropagation();
      }
    }
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      backGuard.release();
    };
  }, [isDirty]);
}

// The Back button cannot be cancelled: by the time `popstate` fires the browser has already moved.
// So while changes are pending the page stands on an extra history entry of its own (same URL):
// Back moves from it to the page's own entry, still the same page, and there the person is asked.
// Cancel puts the guard entry back on top; OK takes the real step back.
//
// Next.js's App Router patches pushState/replaceState (a push without its `__NA` marker gets the
// router's state copied in and, given a URL, makes the router follow it) and listens to `popstate`
// on window. Its listener is added when the app starts, so it runs before ours (listeners on window
// run in the order they were added) and, React rendering a popstate update at once, has already
// shown the entry's page when ours runs. Hence: the guard is pushed without a URL, so the router
// has nothing to follow; Back by one lands on the page's own entry, which the router shows as it
// is (the grid keeps its state); a jump several entries back, to another page, cannot be stopped
// and is let go, as it was before this guard.
//
// One grid per page, so one guard at a time: module state, which also lets a guard that is
// released and re-armed at once (React's development remount, a tick right after Discard) keep
// its entry instead of taking it off and pushing it again.

/** The guard entry while the browser stands on it: the page's URL and the entry's state. */
let guardEntry: { href: string; state: unknown } | null = null;
/** Taking the guard entry off, scheduled a moment after release so an immediate re-arm can keep it. */
let scheduledRemoval: ReturnType<typeof setTimeout> | null = null;
/** Our own step back off the guard entry, until its `popstate` has arrived. */
let removal: Promise<void> | null = null;

function pushGuardEntry(): void {
  if (scheduledRemoval !== null) {
    clearTimeout(scheduledRemoval);
    scheduledRemoval = null;
  }
  if (guardEntry) return;
  window.history.pushState({ leaveGuard: true }, "");
  guardEntry = { href: window.location.href, state: window.history.state };
}

/** Steps back from the guard entry to the page's own, which shows the same page. */
function removeGuardEntry(): Promise<void> {
  if (!guardEntry) return Promise.resolve();
  guardEntry = null;
  const stepBack = new Promise<void>((resolve) => {
    function onPopState() {
      window.removeEventListener("popstate", onPopState, true);
      removal = null;
      resolve();
    }
    window.addEventListener("popstate", onPopState, true);
  });
  removal = stepBack;
  window.history.back();
  return stepBack;
}

function guardBackButton(options: { confirmLeave: () => boolean; onLeave: () => void }) {
  let isReleased = false;

  function stopListening(): void {
    window.removeEventListener("popstate", onPopState, true);
  }

  function onPopState() {
    const entry = guardEntry;
    if (!entry || removal) return;
    guardEntry = null;
    if (window.location.href !== entry.href) {
      // A jump to another page, which the router is already loading: too late to ask.
      stopListening();
      options.onLeave();
      return;
    }
    // Back by one: the page's own entry, the same page, pending changes intact.
    if (!options.confirmLeave()) {
      // Stay: the guard entry goes back on top. Its saved state carries the router's marker, so
      // the patched pushState passes it through untouched.
      window.history.pushState(entry.state, "", entry.href);
      guardEntry = entry;
      return;
    }
    stopListening();
    options.onLeave();
    window.history.back();
  }

  window.addEventListener("popstate", onPopState, true);
  if (removal) {
    void removal.then(() => {
      if (!isReleased) pushGuardEntry();
    });
  } else {
    pushGuardEntry();
  }

  return {
    /** No more pending changes (Save, Discard) or the page is gone. */
    release(): void {
      isReleased = true;
      stopListening();
      if (!guardEntry) return;
      // Navigated away (a link in the app, a jump back): the guard entry is not the current one.
      if (window.location.href !== guardEntry.href) {
        guardEntry = null;
        return;
      }
      // Still on the page: take the guard entry off, so after a Save one Back press leaves.
      scheduledRemoval = setTimeout(() => {
        scheduledRemoval = null;
        void removeGuardEntry();
      }, 0);
    },
    /** Takes the guard entry off, then runs `next`; false (and nothing runs) when there is no entry to take off. */
    removeThen(next: () => void): boolean {
      if (!guardEntry || removal) return false;
      stopListening();
      void removeGuardEntry().then(next);
      return true;
    },
  };
}
