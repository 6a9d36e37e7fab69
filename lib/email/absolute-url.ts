// Links in emails must work from a mail client, so they are absolute and built from the one
// configured base URL (APP_BASE_URL) — never from a request's Host header, which a client controls.
import "server-only";
import { env } from "@/lib/env";

export function absoluteUrl(path: string): string {
  return new URL(path.startsWith("/") ? path : `/${path}`, `${env().APP_BASE_URL}/`).toString();
}
