// Have I Been Pwned's k-anonymity range API (decision 019): only 5 hex digits of the SHA-1 leave the server.
// Off unless PWNED_PASSWORDS_URL is set; fail-open, so a failure counts as "not found" and is logged.
import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/env";

export type BreachedPasswordOptions = { baseUrl?: string; timeoutMs?: number };

/** True when the range API lists the password; false when it does not, or could not be asked. */
export async function isBreachedPassword(password: string, options: BreachedPasswordOptions = {}): Promise<boolean> {
  const baseUrl = options.baseUrl ?? env().PWNED_PASSWORDS_URL;
  if (!baseUrl) return false;
  const digest = createHash("sha1").update(password, "utf8").digest("hex").toUpperCase();
  const prefix = digest.slice(0, 5);
  const suffix = digest.slice(5);
  try {
    const response = await fetch(`${baseUrl.replace(/\/+$/, "")}/range/${prefix}`, {
      headers: { "Add-Padding": "true", "User-Agent": "license-portal" },
      signal: AbortSignal.timeout(options.timeoutMs ?? env().PWNED_PASSWORDS_TIMEOUT_MS),
      cache: "no-store",
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.text();
    for (const line of body.split("\n")) {
      const [lineSuffix, count] = line.trim().split(":");
      // Padding entries carry a count of 0.
      if (lineSuffix?.toUpperCase() === suffix && Number(count) > 0) return true;
    }
    return false;
  } catch (error) {
    console.warn(`[passwords] the breached-password list could not be asked (${(error as Error).message}); accepted without it`);
    return false;
  }
}
