// What a server action answers (app/action-client.ts builds it; forms in components/ and app/ read it).
import type { DomainErrorCode } from "@/lib/errors";

export type ActionError = {
  code: DomainErrorCode | "DATABASE_UNAVAILABLE" | "UNEXPECTED";
  message: string;
  fieldErrors?: Record<string, string[]>;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
