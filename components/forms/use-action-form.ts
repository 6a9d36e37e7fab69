"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/** `link`: where the user goes on from the message (FormMessageAlert shows it after the text). */
export type FormMessage = { tone: "error" | "success" | "info"; text: string; link?: { href: string; label: string } } | null;

/**
 * The back-office forms' round trip: call the server action, keep its field errors, and refresh
 * the page's server data after a success. What a success or a failure says is the form's own.
 */
export function useActionForm() {
  const router = useRouter();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<FormMessage>(null);

  async function submit<T>(
    call: () => Promise<ActionResult<T>>,
    handle: {
      onSuccess: (data: T) => FormMessage;
      onFailure?: (error: Extract<ActionResult<T>, { ok: false }>["error"]) => FormMessage | undefined;
    },
  ): Promise<T | null> {
    setIsSubmitting(true);
    setMessage(null);
    try {
      const result = await call();
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors);
        setMessage(handle.onFailure?.(result.error) ?? { tone: "error", text: result.error.message });
        return null;
      }
      setFieldErrors(undefined);
      setMessage(handle.onSuccess(result.data));
      router.refresh();
      return result.data;
    } finally {
      setIsSubmitting(false);
    }
  }

  return { isSubmitting, fieldErrors, message, setMessage, submit };
}
