"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionError, ActionResult } from "@/lib/actions/action-result";

/** `link`: where the user goes on from the message (FormMessageAlert shows it after the text). */
export type FormMessage = { tone: "error" | "success" | "info"; text: string; link?: { href: string; label: string } } | null;
/** What a success leads to: a message, nothing, or another page (the form stays busy until it opens). */
export type FormSuccess = FormMessage | { redirect: string } | void;

/** An onFailure for forms whose field errors speak for themselves: the action's message only without them. */
export const messageUnlessFieldErrors = (error: ActionError) => (error.fieldErrors ? null : undefined);

/**
 * The forms' round trip: call the server action, keep its field errors, and refresh the page's server
 * data after a success (unless `refresh: false`). onFailure answers null for no message, undefined for the action's.
 */
export function useActionForm({ refresh = true }: { refresh?: boolean } = {}) {
  const router = useRouter();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<FormMessage>(null);

  async function submit<T>(
    call: () => Promise<ActionResult<T>>,
    handle: { onSuccess: (data: T) => FormSuccess; onFailure?: (error: ActionError) => FormMessage | undefined },
  ): Promise<T | null> {
    setIsSubmitting(true);
    setMessage(null);
    let isLeaving = false;
    try {
      const result = await call();
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors);
        const said = handle.onFailure?.(result.error);
        setMessage(said === undefined ? { tone: "error", text: result.error.message } : said);
        return null;
      }
      setFieldErrors(undefined);
      isLeaving = settle(handle.onSuccess(result.data));
      return result.data;
    } finally {
      if (!isLeaving) setIsSubmitting(false);
    }
  }

  /** Shows a success's message, or opens its page (true: the form is leaving). */
  function settle(success: FormSuccess): boolean {
    if (success && "redirect" in success) {
      router.push(success.redirect);
      return true;
    }
    setMessage(success ?? null);
    if (refresh) router.refresh();
    return false;
  }

  /** Forget the last answer: its message and its field errors. */
  function reset() {
    setMessage(null);
    setFieldErrors(undefined);
  }

  return { isSubmitting, fieldErrors, message, setMessage, reset, submit };
}
